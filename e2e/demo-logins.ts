/** The demo logins that `kenh start` prints on a first start (see server/src/flows/seed-demo.ts). */
export type DemoLogins = {
  staffEmail: string;
  staffPassword: string;
  partnerLogin: string;
  partnerPassword: string;
};

/**
 * Reads the demo box from the server's output. Lines may carry a box border (`| … |`); the owner
 * line is `owner <email>`, the first `password <secret>` after it is the staff password, the
 * `phone <number>` line starts the partner block, followed by its own `password` line.
 */
export function parseDemoLogins(output: string): DemoLogins {
  const lines = output.split(/\r?\n/).map((line) =>
    line
      .replace(/^\s*\|\s?/, '')
      .replace(/\s?\|\s*$/, '')
      .trim(),
  );
  const find = (pattern: RegExp, from = 0): { index: number; value: string } | null => {
    for (let index = from; index < lines.length; index++) {
      const match = lines[index]!.match(pattern);
      if (match?.[1]) return { index, value: match[1] };
    }
    return null;
  };
  const owner = find(/^owner\s+(\S+@\S+)/i);
  const staffPassword = owner && find(/^password\s+(\S+)/i, owner.index + 1);
  const phone = find(/^phone\s+(\+?[\d\s]{8,}\d)/i, staffPassword ? staffPassword.index + 1 : 0);
  const partnerPassword = phone && find(/^password\s+(\S+)/i, phone.index + 1);
  if (!owner || !staffPassword || !phone || !partnerPassword)
    throw new Error(
      `No demo logins in the server output (was the data folder new?):\n${output.slice(0, 2000)}`,
    );
  return {
    staffEmail: owner.value,
    staffPassword: staffPassword.value,
    partnerLogin: phone.value.replace(/\s+/g, ''),
    partnerPassword: partnerPassword.value,
  };
}
