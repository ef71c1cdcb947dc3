import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SmsRequest {
  authorization?: string;
  /** What the portal posted: {id, to, text, reference} (app/modules/messages/channels/sms-channel.server.ts). */
  body: { id: string; to: string; text: string; reference: string };
}

export interface LocalSmsGateway {
  /** For SMS_URL. */
  url: string;
  /** Every request, in the order it arrived. */
  received: SmsRequest[];
  /** The status every later request is answered with (200 until told otherwise). */
  answer: (status: number) => void;
  close: () => Promise<void>;
}

/**
 * A local HTTP endpoint standing in for the Federation's SMS gateway: answers `status` and keeps every request.
 * `latencyMs` makes each answer take that long, like a real gateway, so a test can stop the portal mid-run.
 */
export async function startLocalSmsGateway(options: { latencyMs?: number } = {}): Promise<LocalSmsGateway> {
  const received: SmsRequest[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const answer = () => {
        received.push({ authorization: req.headers.authorization, body: JSON.parse(raw) });
        res.writeHead(status, { "content-type": "application/json" }).end("{}");
      };
      if (options.latencyMs) setTimeout(answer, options.latencyMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    received,
    answer: (code) => (status = code),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
