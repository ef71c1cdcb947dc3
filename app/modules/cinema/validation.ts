import { cinemaNeeds, maxTickets, minTickets, mobileNumberPattern, normalisePhone, type CinemaNeed } from "./cinema-constants";
import { InvalidInput } from "./errors";

export interface Party {
  tickets: number;
  needs?: readonly CinemaNeed[];
}

export interface Contact {
  name: string;
  phone: string;
}

/** Checks a party and contact the way the API and the pages both need it; codes, not sentences. */
export function validateParty(party: Party): void {
  if (!Number.isInteger(party.tickets) || party.tickets < minTickets || party.tickets > maxTickets) {
    throw new InvalidInput({ tickets: "tickets" });
  }
  if (party.needs?.some((n) => !cinemaNeeds.includes(n))) throw new InvalidInput({ needs: "invalid" });
}

export function validateContact(contact: Contact): Contact {
  const name = contact.name.trim();
  const phone = normalisePhone(contact.phone);
  const fields: Record<string, string> = {};
  if (!name) fields.name = "required";
  else if (name.length > 50) fields.name = "tooLong:50";
  if (!phone) fields.phone = "required";
  else if (!mobileNumberPattern.test(phone)) fields.phone = "invalidPhone";
  if (Object.keys(fields).length) throw new InvalidInput(fields);
  return { name, phone };
}

