// Czech light stemmer, and the word forms the search page asks Pagefind for.
//
// stem() is the light stemmer of Ljiljana Dolamic and Jacques Savoy, "Indexing and stemming
// approaches for the Czech language", Information Processing & Management 45 (6), 2009,
// pp. 714–720 (https://doi.org/10.1016/j.ipm.2009.06.001), in the form Lucene ships it
// (org.apache.lucene.analysis.cz.CzechStemmer): remove one case ending, then a possessive
// suffix, then normalise the palatalised consonant left at the end. It expects lowercase
// text with its accents; without them (a reader typing "mestech") most endings still match.
//
// prefixes() turns one typed word into the prefixes Pagefind should look up (see search.js):
// Pagefind matches a word as a prefix of the indexed words, and its index is not stemmed, so
// the normalised stem alone can miss the text ("Praze" stems to "prah", which "Praze" does not
// start with). Hence both the stem before and after normalisation, and for a stem ending in a
// consonant that Czech palatalises before -e/-i (Praha → Praze, ruka → ruce) the softened form,
// and for one ending in two consonants the form with a mobile e (spolkem → spolek).

const CASE_ENDINGS = [ // [longer than, endings]: the longest ending that fits is removed
  [7, ["atech"]],
  [6, ["ětem", "etem", "atům"]],
  [5, ["ech", "ich", "ích", "ého", "ěmi", "emi", "ému", "ěte", "ete", "ěti", "eti", "ího", "iho",
       "ími", "ímu", "imu", "ách", "ata", "aty", "ých", "ama", "ami", "ové", "ovi", "ými"]],
  [4, ["em", "es", "ém", "ím", "ům", "at", "ám", "os", "us", "ým", "mi", "ou"]],
  [3, ["a", "e", "i", "o", "u", "ů", "y", "á", "é", "í", "ý", "ě"]],
];

export function removeCase(word) {
  for (const [longer, endings] of CASE_ENDINGS) {
    if (word.length > longer) {
      const ending = endings.find((e) => word.endsWith(e));
      if (ending) return word.slice(0, -ending.length);
    }
  }
  return word;
}

export function removePossessives(word) {
  if (word.length > 5 && (word.endsWith("ov") || word.endsWith("in") || word.endsWith("ův"))) {
    return word.slice(0, -2);
  }
  return word;
}

export function normalize(word) {
  if (word.endsWith("čt")) return `${word.slice(0, -2)}ck`;
  if (word.endsWith("št")) return `${word.slice(0, -2)}sk`;
  const last = word.slice(-1);
  if (last === "c" || last === "č") return `${word.slice(0, -1)}k`;
  if (last === "z" || last === "ž") return `${word.slice(0, -1)}h`;
  if (word.length > 1 && word.at(-2) === "e") return word.slice(0, -2) + last; // e* → *
  if (word.length > 2 && word.at(-2) === "ů") return `${word.slice(0, -2)}o${last}`; // ů* → o*
  return word;
}

/** Dolamic & Savoy's light stem of one word (any case). */
export function stem(word) {
  const lower = word.toLocaleLowerCase("cs");
  const bare = removePossessives(removeCase(lower));
  return bare ? normalize(bare) : bare;
}

// Words too common to look up on their own: prepositions, conjunctions, a few pronouns.
const STOPWORDS = new Set(("a i k o s u v z ke ku se si ve ze na do od po za při pro nad pod před přes bez "
  + "mezi jak jako kde co že je jsou to ten ta ty tu nebo ani").split(" "));

const SOFTENED = [["ch", "š"], ["h", "z"], ["g", "z"], ["k", "c"], ["r", "ř"]]; // Praha → Praze, ruka → ruce
// Two consonants at the end of a stem whose nominative has an e between them (spolkem → spolek,
// vozidly → vozidel): the e that normalize() drops, put back so the indexed form is found.
const MOBILE_E = /[^aeiouyáéíóúůýě][kln]$/u;

/** The prefixes to look up for one typed word: none of them starts with another. */
export function prefixes(word) {
  const lower = word.toLocaleLowerCase("cs");
  const cased = removeCase(lower);
  const bare = removePossessives(cased);
  const out = [lower, cased, bare, bare ? normalize(bare) : bare];
  const soft = SOFTENED.find(([hard]) => bare.endsWith(hard));
  if (soft && bare.length > 3) out.push(bare.slice(0, -soft[0].length) + soft[1]);
  if (bare.length > 3 && MOBILE_E.test(bare)) out.push(`${bare.slice(0, -1)}e${bare.slice(-1)}`);
  const kept = [...new Set(out.filter((p) => p.length >= 3 || p === lower))];
  return kept.filter((p) => !kept.some((q) => q !== p && p.startsWith(q))); // "měst" finds what "městech" does
}

/** The words of a query worth looking up: letters and digits, stop words left out (unless all are). */
export function queryWords(query) {
  const words = [...new Set((query.match(/[\p{L}\p{N}]+(?:[.\-][\p{L}\p{N}]+)*/gu) || [])
    .map((w) => w.toLocaleLowerCase("cs")))];
  const content = words.filter((w) => !STOPWORDS.has(w));
  return content.length ? content : words;
}

/** Lowercase, accents removed: how Pagefind compares words, and how search.js checks a match. */
export function fold(text) {
  return text.toLocaleLowerCase("cs").normalize("NFD").replace(/\p{M}/gu, "");
}

/** Does a folded text have a word that starts with the (folded) prefix? */
export function mentions(folded, prefix) {
  const p = fold(prefix);
  for (let at = folded.indexOf(p); at >= 0; at = folded.indexOf(p, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1])) return true;
  }
  return false;
}
