import type { Migration } from "kysely";
import * as foundation from "./0001-foundation";
import * as cinema from "./0002-cinema";
import * as staff from "./0003-staff";
import * as assistant from "./0004-assistant";
import * as lending from "./0005-lending";
import * as centre from "./0006-centre";
import * as abuseGuards from "./0007-abuse-guards";
import * as appendOnly from "./0008-append-only";
import * as outbox from "./0009-outbox";
import * as loanReminders from "./0010-loan-reminders";
import * as waitingOffers from "./0012-waiting-offers";
import * as activityOffers from "./0013-activity-offers";
import * as contentDocuments from "./0014-content-documents";
import * as contentReviews from "./0015-content-reviews";
import * as contentDrafts from "./0016-content-drafts";
import * as contentGlossary from "./0017-content-glossary";
import * as flowDrafts from "./0018-flow-drafts";
import * as homeModification from "./0019-home-modification";
import * as contentReviewSchedule from "./0020-content-review-schedule";
import * as dropOldDrafts from "./0021-drop-old-drafts";
import * as cinemaDraftsToFlow from "./0022-cinema-drafts-to-flow";
import * as contentArticleRepeal from "./0023-content-article-repeal";

/** Every migration, in order. Names are permanent: add new ones at the end, never rename. */
export const migrations: Record<string, Migration> = {
  "0001-foundation": foundation,
  "0002-cinema": cinema,
  "0003-staff": staff,
  "0004-assistant": assistant,
  "0005-lending": lending,
  "0006-centre": centre,
  "0007-abuse-guards": abuseGuards,
  "0008-append-only": appendOnly,
  "0009-outbox": outbox,
  "0010-loan-reminders": loanReminders,
  "0012-waiting-offers": waitingOffers,
  "0013-activity-offers": activityOffers,
  "0014-content-documents": contentDocuments,
  "0015-content-reviews": contentReviews,
  "0016-content-drafts": contentDrafts,
  "0017-content-glossary": contentGlossary,
  "0018-flow-drafts": flowDrafts,
  "0019-home-modification": homeModification,
  "0020-content-review-schedule": contentReviewSchedule,
  "0021-drop-old-drafts": dropOldDrafts,
  "0022-cinema-drafts-to-flow": cinemaDraftsToFlow,
  "0023-content-article-repeal": contentArticleRepeal,
};
