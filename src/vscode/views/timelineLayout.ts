// Where everything goes on the timeline: one lane per participant (or per country), one column per event
// on a time axis, an undated block at the end. Pure arithmetic on the model's events, so it is unit-tested
// and the SVG builder only draws what it is given. Pure: no vscode.
import type { CorpusEvent, Entity, EventType } from '../../analysis/types';
import { compareEventDates, formatEventDate, parseEventDate, type EventDate } from './eventDates';
import { compareText, entityRole, plural } from './labels';

export type TimelineLanes = 'participant' | 'country';

export function isTimelineLanes(value: unknown): value is TimelineLanes {
  return value === 'participant' || value === 'country';
}

export interface Lane {
  key: string;
  label: string;
  sublabel: string;
  /** Centre line of the lane. */
  y: number;
  /** Events touching this lane. */
  count: number;
}

export interface AxisLabel {
  x: number;
  label: string;
  /** True for the first date of a new year (drawn stronger). */
  yearStart: boolean;
}

export interface EventMark {
  eventId: string;
  type: EventType;
  scheduled: boolean;
  /** True when the date is coarser than a day (drawn hollow-centred). */
  approximate: boolean;
  dated: boolean;
  x: number;
  /** Centre of every lane the event touches, top to bottom. */
  laneYs: number[];
  laneKeys: string[];
}

export interface TimelineLayout {
  width: number;
  height: number;
  /** The plot area (lanes and marks). */
  plot: { left: number; top: number; right: number; bottom: number };
  laneHeight: number;
  lanes: Lane[];
  axis: AxisLabel[];
  marks: EventMark[];
  /** x of the line between dated and undated events, when there are both. */
  undatedSeparatorX: number | null;
  /** Left edge of the undated block, when there are undated events. */
  undatedX: number | null;
  legendY: number;
  /** Dates covered, as labels ("19 May 2023"), null when nothing is dated. */
  range: { from: string; to: string } | null;
}

export const TIMELINE_METRICS = {
  laneHeight: 34,
  slot: 26,
  /** Gap between two dates: grows with the log of the days between them, so years do not crush days. */
  gapMin: 18,
  gapPerLog2Day: 9,
  gapMax: 120,
  axisHeight: 118,
  legendHeight: 44,
  padding: 16,
  charWidth: 7,
  labelMin: 120,
  labelMax: 260,
  minWidth: 760,
} as const;

interface LaneRef {
  key: string;
  label: string;
  sublabel: string;
  /** For ordering participant lanes by country. */
  country: string;
  /** The people of this event in this lane (entity id or name). */
  members: string[];
}

const NOBODY_KEY = 'none';
const nobody = (): LaneRef => ({ key: NOBODY_KEY, label: 'No named participant', sublabel: '', country: '\uffff', members: [] });
const UNKNOWN_COUNTRY = 'Country not known';

function lanesOfEvent(event: CorpusEvent, mode: TimelineLanes, entities: ReadonlyMap<string, Entity>): LaneRef[] {
  const refs = new Map<string, LaneRef>();
  event.participants.forEach((name, i) => {
    const entityId = event.participantEntityIds[i];
    const entity = entityId ? entities.get(entityId) : undefined;
    const person = entityId ?? `name:${name}`;
    let ref: LaneRef | undefined;
    if (mode === 'participant') {
      const key = `p:${person}`;
      ref = refs.get(key) ?? { key, label: entity?.name ?? name, sublabel: entityRole(entity), country: entity?.country ?? '\uffff', members: [] };
      refs.set(key, ref);
    } else {
      const country = entity?.country ?? null;
      const key = country ? `c:${country}` : 'c:?';
      ref = refs.get(key) ?? { key, label: country ?? UNKNOWN_COUNTRY, sublabel: '', country: country ?? '\uffff', members: [] };
      refs.set(key, ref);
    }
    if (!ref.members.includes(person)) ref.members.push(person);
  });
  return refs.size ? [...refs.values()] : [nobody()];
}

function gapFor(days: number): number {
  const m = TIMELINE_METRICS;
  return Math.min(m.gapMax, m.gapMin + m.gapPerLog2Day * Math.log2(1 + Math.max(0, days)));
}

/** The timeline's geometry. Deterministic: the same events give the same picture. */
export function layoutTimeline(events: readonly CorpusEvent[], entities: readonly Entity[], mode: TimelineLanes): TimelineLayout {
  const m = TIMELINE_METRICS;
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const items = events
    .map((event) => ({ event, date: parseEventDate(event.date), lanes: lanesOfEvent(event, mode, entityById) }))
    .sort((a, b) => compareEventDates(a.date, b.date) || compareText(a.event.id, b.event.id));

  // Lanes: in participant mode grouped by country (so a delegation sits together), busiest first within it.
  const laneInfo = new Map<string, { ref: LaneRef; count: number; people: Set<string> }>();
  for (const item of items) {
    for (const ref of item.lanes) {
      const info = laneInfo.get(ref.key) ?? { ref, count: 0, people: new Set<string>() };
      info.count++;
      for (const p of ref.members) info.people.add(p);
      laneInfo.set(ref.key, info);
    }
  }
  const ordered = [...laneInfo.values()].sort((a, b) => {
    if (a.ref.key === NOBODY_KEY || b.ref.key === NOBODY_KEY) return a.ref.key === NOBODY_KEY ? 1 : -1;
    if (mode === 'participant') return a.ref.country.localeCompare(b.ref.country) || b.count - a.count || a.ref.label.localeCompare(b.ref.label);
    return b.count - a.count || a.ref.label.localeCompare(b.ref.label);
  });

  const longest = Math.max(0, ...ordered.map((l) => Math.max(l.ref.label.length, l.ref.sublabel.length * 0.85)));
  const labelWidth = Math.round(Math.min(m.labelMax, Math.max(m.labelMin, longest * m.charWidth + 2 * m.padding)));
  const left = labelWidth;
  const top = m.axisHeight;

  const lanes: Lane[] = ordered.map((l, i) => ({
    key: l.ref.key,
    label: l.ref.label,
    sublabel: mode === 'country' && l.ref.key !== NOBODY_KEY ? plural(l.people.size, 'person', 'people') : l.ref.sublabel,
    y: top + i * m.laneHeight + m.laneHeight / 2,
    count: l.count,
  }));
  const laneY = new Map(lanes.map((l) => [l.key, l.y]));
  const laneIndex = new Map(lanes.map((l, i) => [l.key, i]));

  // Columns: events on the same date sit side by side; dates are spaced by a compressed time scale.
  const marks: EventMark[] = [];
  const axis: AxisLabel[] = [];
  let x = left + m.padding;
  let previous: EventDate | null = null;
  let previousValue: string | null | undefined;
  let undatedSeparatorX: number | null = null;
  let undatedX: number | null = null;
  let lastYear: number | null = null;
  for (const item of items) {
    const value = item.date?.value ?? null;
    if (value !== previousValue) {
      if (previousValue !== undefined) {
        if (!item.date) {
          undatedSeparatorX = x + m.gapMin / 2;
          x += m.gapMin;
        } else x += previous ? gapFor(item.date.startDay - previous.startDay) : m.gapMin;
      }
      if (!item.date) undatedX = x;
      else {
        axis.push({ x: x + m.slot / 2, label: formatEventDate(item.date), yearStart: item.date.year !== lastYear });
        lastYear = item.date.year;
      }
      previous = item.date;
      previousValue = value;
    }
    const touched = [...item.lanes].sort((a, b) => laneIndex.get(a.key)! - laneIndex.get(b.key)!);
    marks.push({
      eventId: item.event.id,
      type: item.event.type,
      scheduled: item.event.scheduled,
      approximate: !!item.date && item.date.precision !== 'day',
      dated: !!item.date,
      x: x + m.slot / 2,
      laneYs: touched.map((l) => laneY.get(l.key)!),
      laneKeys: touched.map((l) => l.key),
    });
    x += m.slot;
  }
  const right = Math.max(x + m.padding, left + 200);
  const bottom = top + lanes.length * m.laneHeight;
  const dated = items.filter((i) => i.date);
  return {
    // Wide enough for the legend even with a single event.
    width: Math.ceil(Math.max(right + m.padding, m.minWidth)),
    height: Math.ceil(bottom + m.legendHeight + m.padding),
    plot: { left, top, right, bottom },
    laneHeight: m.laneHeight,
    lanes,
    axis,
    marks,
    undatedSeparatorX,
    undatedX,
    legendY: bottom + m.padding + 8,
    range: dated.length ? { from: formatEventDate(dated[0]!.date!), to: formatEventDate(dated[dated.length - 1]!.date!) } : null,
  };
}
