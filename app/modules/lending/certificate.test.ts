import { describe, expect, it } from "vitest";
import { certificateProblem, idCheckCharacter, normaliseCertificate } from "./certificate";

const first17 = "44180219900101101"; // check character X
const certificate = `${first17}${idCheckCharacter(first17)}11`;
const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace("X", "ｘ");

describe("the certificate-number question reads the number as people type it", () => {
  it.each([certificate, `${certificate.slice(0, 6)} ${certificate.slice(6, 14)} ${certificate.slice(14)}`, fullWidth(certificate), `${fullWidth(certificate.slice(0, 18))}－11`])(
    "%s",
    (typed) => {
      expect(normaliseCertificate(typed)).toBe(certificate);
      expect(certificateProblem(typed)).toBeNull();
    },
  );
});
