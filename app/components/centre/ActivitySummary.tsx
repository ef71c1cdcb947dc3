import { formatDate, formatTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { AccessibilityFeature, ActivityType } from "~/modules/centre/centre-constants";

export interface ActivityCardData {
  id: string;
  type: ActivityType;
  title: { zh: string; en: string };
  place: { zh: string; en: string };
  startsAt: string;
  capacity: number;
  placesLeft: number;
  waiting: number;
  waitlistSize: number;
  accessibility: AccessibilityFeature[];
  signupClosesAt: string;
  example: boolean;
}

/** When, where, places and access of one activity, as a description list (read well aloud). */
export function ActivityFacts({ a }: { a: ActivityCardData }) {
  const { t, locale } = useT();
  const en = locale === "en";
  const places = a.placesLeft > 0 ? t("centre.activities.placesLeft", { n: a.placesLeft, capacity: a.capacity }) : a.waiting < a.waitlistSize ? t("centre.activities.fullWaiting") : t("centre.activities.fullClosed");
  return (
    <dl className="summary-list">
      <div>
        <dt>{t("centre.activities.type")}</dt>
        <dd>{t(`centre.activityTypes.${a.type}`)}</dd>
      </div>
      <div>
        <dt>{t("centre.activities.when")}</dt>
        <dd>
          <time dateTime={a.startsAt}>
            {formatDate(a.startsAt, locale, { weekday: true })} {formatTime(a.startsAt, locale)}
          </time>
        </dd>
      </div>
      <div>
        <dt>{t("centre.activities.where")}</dt>
        <dd>{en ? a.place.en : a.place.zh}</dd>
      </div>
      <div>
        <dt>{t("centre.activities.places")}</dt>
        <dd>{places}</dd>
      </div>
      <div>
        <dt>{t("centre.activities.access")}</dt>
        <dd>{a.accessibility.length ? a.accessibility.map((f) => t(`centre.features.${f}`)).join(t("centre.listSeparator")) : t("centre.activities.accessAsk")}</dd>
      </div>
      <div>
        <dt>{t("centre.activities.signupCloses")}</dt>
        <dd>
          {formatDate(a.signupClosesAt, locale)} {formatTime(a.signupClosesAt, locale)}
        </dd>
      </div>
    </dl>
  );
}
