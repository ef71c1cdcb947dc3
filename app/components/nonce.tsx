import { createContext, useContext } from "react";

/** The CSP nonce of this response, set by entry.server; empty in the browser (browsers hide it anyway). */
export const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
