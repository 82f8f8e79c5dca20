/**
 * Reads corpus/EXPECTED.md, the hand-derived input ports of every corpus app, into data a test
 * can compare with. The file is prose for people, in three shapes:
 * - tables `| id | type | req | default | notes |` (`\|` inside a cell is a literal `|`);
 * - grouped lines `- optional int: a, b, c`, where one type and requiredness cover every id, and
 *   ids may carry values (`x=18`, `y="."`, `` z=`...` ``) or their own type (`w: enum(a|b) default "a"`);
 * - group headers ending in `:` (`- optional enum (22):`, `- optional with a CWL default (...):`)
 *   followed by indented lines of the same kinds.
 * A trailing `(note)` is commentary, except `(N names)`, which counts the items of a comma list.
 * Anything else that looks like a port line is an error here, so no port is silently dropped; and
 * the counts the file states ("105 inputs", "Required (2)", "enum (22)") are returned for checking.
 */

export type ExpectedDefault =
  | { exact: unknown }
  /** A long string written abbreviated with `…`: what it starts and ends with, and maybe its item count. */
  | { startsWith: string; endsWith: string; commaItems?: number };

export interface ExpectedPort {
  id: string;
  /** As EXPECTED.md writes it (see `normaliseExpectedType` in the test for its loose forms). */
  type: string;
  required: boolean;
  default?: ExpectedDefault;
}

export interface StatedCount {
  what: string;
  count: number;
  ports: ExpectedPort[];
}

export interface ExpectedApp {
  file: string;
  ports: ExpectedPort[];
  statedCounts: StatedCount[];
}

interface Group {
  type: string;
  required: boolean;
  /** Items under a "with a CWL default" header name their type on each indented line. */
  typedLines: boolean;
  counted?: StatedCount;
}

export function parseExpected(markdown: string): ExpectedApp[] {
  const apps: ExpectedApp[] = [];
  let app: ExpectedApp | undefined;
  let group: Group | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^## \d+\. `([^`]+)`(.*)$/.exec(line);
    if (heading) {
      app = { file: heading[1], ports: [], statedCounts: [] };
      apps.push(app);
      group = undefined;
      const total = /— (\d+) inputs/.exec(heading[2]);
      if (total) {
        app.statedCounts.push({ what: 'inputs', count: Number(total[1]), ports: app.ports });
      }
      continue;
    }
    if (!app) {
      continue;
    }
    const exactly = /^Exactly (\d+) ports/.exec(line);
    if (exactly) {
      app.statedCounts.push({ what: 'ports', count: Number(exactly[1]), ports: app.ports });
    }
    if (/^\| *id *\|/.test(line) || /^\|[-| ]+\|$/.test(line)) {
      continue; // table header and separator
    }
    if (line.startsWith('|')) {
      app.ports.push(readTableRow(line));
      continue;
    }
    const topBullet = /^- (required|optional) (.*?):(?:\s+(.*))?$/.exec(line);
    if (topBullet) {
      group = undefined;
      const required = topBullet[1] === 'required';
      const header = topBullet[2];
      if (topBullet[3] !== undefined) {
        app.ports.push(...readItems(topBullet[3], header, required));
      } else if (header.startsWith('with a CWL default')) {
        group = { type: '', required, typedLines: true };
      } else {
        const counted = /^(\S+) \((\d+)\)$/.exec(header);
        group = { type: counted ? counted[1] : header, required, typedLines: false };
        if (counted) {
          group.counted = { what: `${topBullet[1]} ${counted[1]}`, count: Number(counted[2]), ports: [] };
          app.statedCounts.push(group.counted);
        }
      }
      continue;
    }
    const nested = /^ {2}- (.*)$/.exec(line);
    if (nested) {
      if (!group) {
        throw new Error(`EXPECTED.md: the indented line "${line}" is under no group header`);
      }
      const ports = group.typedLines ? readTypedLine(nested[1], group.required) : readItems(nested[1], group.type, group.required);
      app.ports.push(...ports);
      group.counted?.ports.push(...ports);
      continue;
    }
    if (/^\s*- (required|optional)\b/.test(line)) {
      throw new Error(`EXPECTED.md: cannot read the line "${line}"`);
    }
    const requiredCount = /^Required \((\d+)\):/.exec(line);
    if (requiredCount) {
      app.statedCounts.push({ what: 'required', count: Number(requiredCount[1]), ports: [] });
      group = undefined;
    }
  }
  // "Required (N)" counts the required ports of the whole section, known only at its end.
  for (const each of apps) {
    for (const stated of each.statedCounts.filter((count) => count.what === 'required')) {
      stated.ports.push(...each.ports.filter((port) => port.required));
    }
  }
  return apps;
}

function readTableRow(line: string): ExpectedPort {
  const cells = line
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
  const [id, type, req, defaultText] = cells;
  const port: ExpectedPort = { id, type, required: readRequired(req, line) };
  if (defaultText !== '') {
    port.default = readValue(defaultText);
  }
  return port;
}

function readRequired(req: string, line: string): boolean {
  if (req === 'required') {
    return true;
  }
  if (req.startsWith('optional')) {
    return false;
  }
  throw new Error(`EXPECTED.md: "${req}" is neither required nor optional in "${line}"`);
}

/** `- boolean, default true: a, b` / `- int: a=1, b=2` / `- enum: a: enum(x|y) default "x"; ...` */
function readTypedLine(text: string, required: boolean): ExpectedPort[] {
  const match = /^(.+?)(?:, default (.+?))?:\s+(.*)$/.exec(text);
  if (!match) {
    throw new Error(`EXPECTED.md: cannot read the grouped line "${text}"`);
  }
  const [, type, defaultText, items] = match;
  return readItems(items, type, required, defaultText === undefined ? undefined : readValue(defaultText));
}

/** A list of ids (with their values or types) sharing one type and requiredness. */
function readItems(text: string, groupType: string, required: boolean, groupDefault?: ExpectedDefault): ExpectedPort[] {
  const whole = stripNote(text.trim()).text;
  const separator = splitOutside(whole, ';').length > 1 ? ';' : ',';
  return splitOutside(whole, separator).flatMap((item) => readItem(item.trim(), groupType, required, groupDefault));
}

function readItem(raw: string, groupType: string, required: boolean, groupDefault?: ExpectedDefault): ExpectedPort[] {
  const { text, note } = stripNote(raw);
  const counted = note === undefined ? null : /^(\d+) names$/.exec(note);
  const commaItems = counted ? Number(counted[1]) : undefined;
  const port = (id: string, type: string, value?: ExpectedDefault): ExpectedPort => {
    if (type === 'enum') {
      throw new Error(`EXPECTED.md: "${id}" is an enum without its symbols`);
    }
    const given = value ?? groupDefault;
    return given === undefined ? { id, type, required } : { id, type, required, default: given };
  };

  const longList = /^(.+?) = long comma lists starting `([^`]*)` and ending `…([^`]*)`$/.exec(text);
  if (longList) {
    const value: ExpectedDefault = { startsWith: longList[2], endsWith: longList[3] };
    return longList[1].split(' / ').map((id) => port(id.trim(), groupType, value));
  }
  const ownType = /^(\w+):\s+(.+?)(?:\s+default\s+(.+))?$/.exec(text);
  if (ownType) {
    return [port(ownType[1], ownType[2], ownType[3] === undefined ? undefined : readValue(ownType[3], commaItems))];
  }
  const withValue = /^(\w+)=(.+)$/.exec(text);
  if (withValue) {
    return [port(withValue[1], groupType, readValue(withValue[2], commaItems))];
  }
  if (/^\w+$/.test(text)) {
    return [port(text, groupType)];
  }
  throw new Error(`EXPECTED.md: cannot read the item "${raw}"`);
}

/** A value as written: `` `literal` ``, or JSON (`"x"`, `12`, `true`); `…` marks an abbreviation. */
function readValue(text: string, commaItems?: number): ExpectedDefault {
  const literal = /^`(.*)`$/.exec(text);
  let value: unknown;
  if (literal) {
    value = literal[1];
  } else {
    try {
      value = JSON.parse(text);
    } catch {
      throw new Error(`EXPECTED.md: cannot read the value ${text}`);
    }
  }
  if (typeof value === 'string' && value.includes('…')) {
    const [startsWith, endsWith] = value.split('…');
    return commaItems === undefined ? { startsWith, endsWith } : { startsWith, endsWith, commaItems };
  }
  return { exact: value };
}

/** Separates a trailing `(note)` written after a space (`enum(a|b)` has none, so it stays). */
function stripNote(text: string): { text: string; note?: string } {
  const match = /^(.*?)\s+\(((?:[^()`]|`[^`]*`)*)\)$/.exec(text);
  return match ? { text: match[1], note: match[2] } : { text };
}

/** Splits on `separator` where it is outside backticks and parentheses. */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inBackticks = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '`') {
      inBackticks = !inBackticks;
    } else if (!inBackticks && char === '(') {
      depth++;
    } else if (!inBackticks && char === ')') {
      depth--;
    } else if (!inBackticks && depth === 0 && char === separator) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
