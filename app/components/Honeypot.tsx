/**
 * A field people never see or hear: off-screen, hidden from assistive technology, out of the tab order.
 * Bots that fill every field fill this one, and the schema refuses the post.
 */
export function Honeypot({ label, name = "website" }: { label: string; name?: string }) {
  return (
    <div className="honeypot" aria-hidden="true">
      <label htmlFor={`hp-${name}`}>{label}</label>
      <input id={`hp-${name}`} type="text" name={name} tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
