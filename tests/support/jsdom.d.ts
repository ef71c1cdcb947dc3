// jsdom (a dev dependency, without @types/jsdom): the part the browser suite uses to read HTML and XML answers.
declare module "jsdom" {
  export class JSDOM {
    constructor(markup: string, options?: { contentType?: string; url?: string });
    readonly window: Window & typeof globalThis;
  }
}
