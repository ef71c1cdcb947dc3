import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface LocalSmtp {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  /** Every message accepted, parsed (mailparser). */
  received: ParsedMail[];
  /** Recipients refused with 550 while they are in this set (a mailbox that does not exist). */
  refused: Set<string>;
  close: () => Promise<void>;
}

/** A real SMTP server (smtp-server) on a free loopback port, for tests that read what the portal sent. */
export async function startLocalSmtp(): Promise<LocalSmtp> {
  const received: ParsedMail[] = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refused.has(address.address) ? Object.assign(new Error("550 mailbox unavailable"), { responseCode: 550 }) : undefined);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, refused, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
