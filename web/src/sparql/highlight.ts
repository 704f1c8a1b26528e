// A small SPARQL tokenizer for highlighting: enough to colour keywords,
// variables, IRIs, prefixed names, literals and comments. It never rejects
// input (the server's parser reports errors); unknown characters pass
// through as plain text.
export type TokenKind = 'keyword' | 'variable' | 'iri' | 'pname' | 'string' | 'number' | 'comment' | 'punct' | 'text';

export interface Token {
  kind: TokenKind;
  text: string;
}

const KEYWORDS = new Set(
  `BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK WHERE FROM NAMED ORDER BY ASC DESC LIMIT OFFSET DISTINCT REDUCED
  OPTIONAL UNION MINUS GRAPH SERVICE SILENT BIND AS VALUES FILTER NOT EXISTS IN GROUP HAVING UNDEF A
  INSERT DELETE DATA LOAD CLEAR DROP CREATE ADD MOVE COPY TO WITH USING DEFAULT ALL INTO
  COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE
  RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE
  STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 SHA512
  COALESCE IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE TRUE FALSE`.split(/\s+/),
);

const RULES: [TokenKind, RegExp][] = [
  ['comment', /#[^\n]*/y],
  ['string', /"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?/y],
  ['iri', /<[^<>"{}|^`\\\s]*>/y],
  ['variable', /[?$][A-Za-z0-9_\u00C0-\uFFFF]+/y],
  ['pname', /[A-Za-z][\w.-]*:(?:[\w\u00C0-\uFFFF.%-]*[\w\u00C0-\uFFFF%-])?|:[\w\u00C0-\uFFFF.%-]*/y],
  ['number', /[+-]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?/y],
  ['text', /[A-Za-z_][\w]*/y], // a word: keyword or not, decided below
  ['punct', /[{}()[\].,;*=<>!&|+\/^-]+|@[A-Za-z]+(?:-[A-Za-z0-9]+)*/y],
  ['text', /\s+/y],
];

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    let matched = false;
    for (const [kind, rule] of RULES) {
      rule.lastIndex = at;
      const m = rule.exec(source);
      if (!m || m[0].length === 0) continue;
      let k = kind;
      if (kind === 'text' && /^\w/.test(m[0])) k = KEYWORDS.has(m[0].toUpperCase()) ? 'keyword' : 'text';
      tokens.push({ kind: k, text: m[0] });
      at += m[0].length;
      matched = true;
      break;
    }
    if (!matched) tokens.push({ kind: 'text', text: source[at++] });
  }
  return tokens;
}

// Character offset of a 1-based line and column (the server's error position).
export function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  return Math.min(offset + Math.max(0, column - 1), source.length);
}
