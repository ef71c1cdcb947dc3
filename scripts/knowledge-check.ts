// `npm run knowledge:check [dir]`: validate the knowledge corpus (default ./knowledge); exit 1 on any error.
import path from "node:path";
import { checkKnowledge, formatCheckReport } from "../app/modules/content/check";

const dir = path.resolve(process.argv[2] ?? "knowledge");
const report = checkKnowledge(dir);
console.log(formatCheckReport(report));
process.exit(report.ok ? 0 : 1);
