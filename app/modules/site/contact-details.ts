/**
 * The Federation's contact details, once (zod-free: pages import them in the browser). The cinema, the regional
 * centre and the assistant's hotline are this number; the locale files write it out in their sentences, and
 * contact-details.test.ts fails when one of them says another 0763 number.
 */
export const federationPhone = "0763-3362221";
