// React 18's web-streams renderer, which entry.server.tsx uses on Node (see there); @types/react-dom types it only
// through "react-dom/server".
declare module "react-dom/server.browser" {
  export { renderToReadableStream } from "react-dom/server";
}
