// Staff administration from the shell. The first account of a fresh install is made here:
//   npm run admin -- create-user <name> --role admin [--role cinema] [--display-name 陈丽]
// The password is asked twice on a terminal, or read from the first line of standard input when piped.
import readline from "node:readline";
import { getConnection, migrateToLatest, withStartupLock } from "~/modules/db/index.server";
import { isStaffRole, staffRoles, type StaffRole } from "~/modules/staff/roles";
import { cliActor, createStaffUser, minimumPasswordLength, StaffInputError } from "~/modules/staff/index.server";

function usage(): never {
  console.error(`usage: npm run admin -- create-user <name> --role <${staffRoles.join("|")}> [--role …] [--display-name <name>]`);
  process.exit(2);
}

async function readPasswordFromStdin(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line.trim();
  }
  return "";
}

/** Asks on the terminal without echoing what is typed. */
function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    output._writeToOutput = (s: string) => {
      if (s.includes(question)) output.output.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function main() {
  const [command, name, ...rest] = process.argv.slice(2);
  if (command !== "create-user" || !name) usage();
  const roles: StaffRole[] = [];
  let displayName: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--role" && isStaffRole(rest[i + 1])) roles.push(rest[++i] as StaffRole);
    else if (rest[i] === "--display-name" && rest[i + 1]) displayName = rest[++i];
    else usage();
  }
  if (roles.length === 0) usage();

  let password: string;
  if (process.stdin.isTTY) {
    password = await ask(`Password for ${name} (at least ${minimumPasswordLength} characters): `);
    if ((await ask("Again: ")) !== password) {
      console.error("The two passwords differ.");
      process.exit(1);
    }
  } else {
    password = await readPasswordFromStdin();
  }

  const conn = getConnection();
  const { db } = conn;
  await withStartupLock(conn, () => migrateToLatest(db));
  try {
    // The account and its audit row commit together (the module writes both).
    const user = await createStaffUser(db, cliActor, { username: name, password, roles, displayName });
    console.log(`created ${user.username} (${user.roles.join(", ")})`);
  } catch (error) {
    if (error instanceof StaffInputError) {
      console.error(`not created: ${error.code}`);
      process.exitCode = 1;
    } else throw error;
  } finally {
    await db.destroy();
  }
}

await main();
