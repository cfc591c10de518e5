/*
 * Word inflection for ModelCanvas: a C++ port of the npm package `inflection` 1.13.4, the version
 * Sequelize 6.37.8 uses for Utils.pluralize, Utils.singularize and Utils.underscore, plus
 * Sequelize's own Utils.camelize and lodash's _.upperFirst.
 *
 * The uncountable word list and the plural and singular regex rule tables (in
 * inflection_tables.inc, verbatim and in the same order) and the algorithm that applies
 * them are ported from inflection 1.13.4 (lib/inflection.js: "inflection, Copyright(c)
 * 2011 Ben Lin <ben@dreamerslab.com>, MIT Licensed"), which is distributed under this
 * licence:
 *
 * MIT License
 *
 * Copyright (c) 2021 dreamerslab
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all
 * copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 * OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
 * SOFTWARE.
 */

#include "inflection.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cstring>
#include <vector>

namespace mc {

namespace {

#include "inflection_tables.inc"

// ---------------------------------------------------------------------------------------------
// _apply_rules
// ---------------------------------------------------------------------------------------------

// A JavaScript replacement string, parsed: literal text and `$n` / `$&` / `$`` / `$'` references.
struct ReplacementPart
{
    enum Kind { Literal, Group, Prefix, Suffix };
    Kind kind = Literal;
    int group = 0; // Kind::Group: capture index, 0 for `$&`
    QString text;  // Kind::Literal
};

struct Rule
{
    QRegularExpression regex;
    // Bit k set: a match may end with the letter 'a' + k; 0 for any last character. A shortcut
    // only: a word ending otherwise cannot match, so the regex is not run.
    quint32 lastLetters = 0;
    // The source is `$` alone and the replacement plain text: it always matches, at the end,
    // so the result is the word plus that text (the common fallback rule of each table).
    bool appendsAtEnd = false;
    QString appended;
    bool hasReplacement = false;
    std::vector<ReplacementPart> replacement;
};

// JavaScript RegExp source (flags 'gi', no 'm', no 'u') to an equivalent QRegularExpression.
// The only construct of the tables that PCRE2 reads differently is `$`: without the 'm' flag
// JavaScript's `$` matches only at the very end, PCRE2's also before a final "\n", so it becomes
// `\z`. Case-insensitivity: see subjectFor().
QRegularExpression compileJsRegex(const char *js)
{
    QString pcre;
    bool inClass = false;
    for (const char *p = js; *p; ++p) {
        const char c = *p;
        if (c == '\\' && p[1]) {
            pcre += QLatin1Char(c);
            pcre += QLatin1Char(*++p);
            continue;
        }
        if (inClass) {
            if (c == ']')
                inClass = false;
        } else if (c == '[') {
            inClass = true;
        } else if (c == '$') {
            pcre += QLatin1String("\\z");
            continue;
        }
        pcre += QLatin1Char(c);
    }
    // Compiled (and JIT-compiled) on first use, under QRegularExpression's own lock: most
    // rules are never run, because their last-letter check rules the word out first.
    QRegularExpression re(pcre, QRegularExpression::CaseInsensitiveOption);
    Q_ASSERT_X(re.isValid(), "compileJsRegex", js);
    return re;
}

// Capturing groups of a JavaScript regex source: `(` not escaped, not in a class and not
// followed by `?` (what captureCount() reports, without compiling the regex for it).
int jsCaptureCount(const char *js)
{
    int groups = 0;
    bool inClass = false;
    for (const char *p = js; *p; ++p) {
        if (*p == '\\' && p[1])
            ++p;
        else if (inClass)
            inClass = *p != ']';
        else if (*p == '[')
            inClass = true;
        else if (*p == '(' && p[1] != '?')
            ++groups;
    }
    return groups;
}

// Parses a replacement string the way String.prototype.replace (GetSubstitution) reads it,
// given the number of capture groups of the regex.
std::vector<ReplacementPart> parseReplacement(const char *js, int groups)
{
    std::vector<ReplacementPart> parts;
    auto literal = [&parts](QChar c) {
        if (parts.empty() || parts.back().kind != ReplacementPart::Literal)
            parts.push_back({});
        parts.back().text += c;
    };
    auto ref = [&parts](ReplacementPart::Kind kind, int group) {
        ReplacementPart part;
        part.kind = kind;
        part.group = group;
        parts.push_back(part);
    };
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    for (const char *p = js; *p; ++p) {
        if (*p != '$' || !p[1]) {
            literal(QLatin1Char(*p));
            continue;
        }
        const char next = p[1];
        if (next == '$') {
            literal(QLatin1Char('$'));
            ++p;
        } else if (next == '&') {
            ref(ReplacementPart::Group, 0);
            ++p;
        } else if (next == '`') {
            ref(ReplacementPart::Prefix, 0);
            ++p;
        } else if (next == '\'') {
            ref(ReplacementPart::Suffix, 0);
            ++p;
        } else if (isDigit(next)) {
            const int one = next - '0';
            const int two = isDigit(p[2]) ? one * 10 + (p[2] - '0') : -1;
            if (two >= 1 && two <= groups) {
                ref(ReplacementPart::Group, two);
                p += 2;
            } else if (one >= 1 && one <= groups) {
                ref(ReplacementPart::Group, one);
                p += 1;
            } else {
                literal(QLatin1Char('$'));
            }
        } else {
            literal(QLatin1Char('$'));
        }
    }
    return parts;
}

// The letter a JavaScript regex source ending in an unescaped ASCII letter and `$` needs at the
// end of every match (flag 'i': lower case), else 0.
// The lower-case letters a match can end with, read off the end of a source such as
// `(x|ch|ss|sh)$` ("xhhh"), `([lr])f$` or `s$`; empty when the source ends otherwise (`$`
// alone, a negated class, no `$`), i.e. when any last character may match.
QString lastLettersOf(QStringView body)
{
    if (body.isEmpty())
        return QString();
    const QChar c = body.back();
    if (c.isLetter() && c.unicode() < 128) {
        if (body.size() >= 2 && body[body.size() - 2] == QLatin1Char('\\'))
            return QString();
        return QString(c.toLower());
    }
    if (c == QLatin1Char(']')) { // a positive class of plain letters, like [lr]
        const qsizetype open = body.lastIndexOf(QLatin1Char('['));
        const QStringView cls = body.mid(open + 1, body.size() - open - 2);
        if (open < 0 || cls.isEmpty() || cls.front() == QLatin1Char('^'))
            return QString();
        QString out;
        for (const QChar x : cls) {
            if (x == QLatin1Char('|'))
                continue; // `[m|l]` also admits '|', which is no letter: never skipped
            if (!(x.isLetter() && x.unicode() < 128))
                return QString();
            out += x.toLower();
        }
        return cls.contains(QLatin1Char('|')) ? QString() : out;
    }
    if (c != QLatin1Char(')'))
        return QString();
    // The group that ends the source: each top-level alternative must end in letters.
    int depth = 0;
    qsizetype open = -1;
    for (qsizetype k = body.size() - 1; k >= 0; --k) {
        if (body[k] == QLatin1Char(')'))
            ++depth;
        else if (body[k] == QLatin1Char('(') && --depth == 0) {
            open = k;
            break;
        }
    }
    if (open < 0)
        return QString();
    QStringView inner = body.mid(open + 1, body.size() - open - 2);
    if (inner.startsWith(QLatin1String("?:")))
        inner = inner.mid(2);
    QString out;
    qsizetype start = 0;
    depth = 0;
    for (qsizetype k = 0; k <= inner.size(); ++k) {
        if (k < inner.size() && inner[k] == QLatin1Char('('))
            ++depth;
        else if (k < inner.size() && inner[k] == QLatin1Char(')'))
            --depth;
        else if (k == inner.size() || (inner[k] == QLatin1Char('|') && depth == 0)) {
            const QString letters = lastLettersOf(inner.mid(start, k - start));
            if (letters.isEmpty())
                return QString();
            out += letters;
            start = k + 1;
        }
    }
    return out;
}

QString requiredLastLetters(const char *js)
{
    const QString src = QString::fromLatin1(js);
    if (!src.endsWith(QLatin1Char('$')) || src.endsWith(QLatin1String("\\$")))
        return QString();
    return lastLettersOf(QStringView(src).chopped(1));
}

template <size_t N> std::vector<Rule> compileRules(const RuleDef (&defs)[N])
{
    std::vector<Rule> rules;
    rules.reserve(N);
    for (const RuleDef &def : defs) {
        Rule rule;
        rule.regex = compileJsRegex(def.regex);
        for (const QChar c : requiredLastLetters(def.regex))
            rule.lastLetters |= quint32(1) << (c.unicode() - u'a');
        rule.hasReplacement = def.replacement != nullptr;
        if (rule.hasReplacement)
            rule.replacement = parseReplacement(def.replacement, jsCaptureCount(def.regex));
        Q_ASSERT_X(jsCaptureCount(def.regex) == rule.regex.captureCount(), "compileRules",
                   def.regex);
        if (std::strcmp(def.regex, "$") == 0 && rule.hasReplacement &&
            std::all_of(
                rule.replacement.begin(), rule.replacement.end(),
                [](const ReplacementPart &p) { return p.kind == ReplacementPart::Literal; })) {
            rule.appendsAtEnd = true;
            for (const ReplacementPart &p : rule.replacement)
                rule.appended += p.text;
        }
        rules.push_back(std::move(rule));
    }
    return rules;
}

const std::vector<Rule> &pluralRules()
{
    static const std::vector<Rule> rules = compileRules(plural_rules);
    return rules;
}

const std::vector<Rule> &singularRules()
{
    static const std::vector<Rule> rules = compileRules(singular_rules);
    return rules;
}

const QSet<QString> &uncountables()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *w : uncountable_words)
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    return words;
}

bool isAscii(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

// The string the rules are matched against. JavaScript's non-unicode case-insensitive matching
// of these all-ASCII patterns compares UTF-16 units, and a non-ASCII unit never equals an ASCII
// letter ("ſ" does not match `s`, the Kelvin sign does not match `k`, lone surrogates are just
// units). PCRE2 in UTF mode folds "ſ" to "s" and refuses lone surrogates, so every non-ASCII
// unit is replaced by U+FFFD, which no ASCII pattern character matches but every negated class
// does, exactly as in JavaScript. Offsets stay those of the original string.
QString subjectFor(const QString &str)
{
    if (isAscii(str))
        return str;
    QString subject = str;
    for (QChar &c : subject) {
        if (c.unicode() >= 0x80)
            c = QChar(QChar::ReplacementCharacter);
    }
    return subject;
}

QString substitute(const Rule &rule, const QRegularExpressionMatch &m, const QString &str)
{
    QString out;
    for (const ReplacementPart &part : rule.replacement) {
        switch (part.kind) {
        case ReplacementPart::Literal:
            out += part.text;
            break;
        case ReplacementPart::Group:
            // A group that did not participate is replaced by nothing, as in JavaScript.
            if (m.capturedStart(part.group) >= 0)
                out +=
                    QStringView(str).mid(m.capturedStart(part.group), m.capturedLength(part.group));
            break;
        case ReplacementPart::Prefix:
            out += QStringView(str).left(m.capturedStart(0));
            break;
        case ReplacementPart::Suffix:
            out += QStringView(str).mid(m.capturedEnd(0));
            break;
        }
    }
    return out;
}

// inflector._apply_rules(str, rules, uncountable_words) without override: a word whose
// lower-case form is uncountable is returned unchanged; otherwise the first rule whose regex
// matches decides: the word is returned unchanged if the rule has no replacement, else with the
// match replaced. The regexes are global ('g'), so JavaScript replaces every match, but each is
// anchored at the end (or at the start for `^(ox)en`) and none can match twice.
QString applyRules(const QString &str, const std::vector<Rule> &rules)
{
    // String.prototype.toLowerCase; of the non-ASCII characters only the Kelvin sign lower-cases
    // to ASCII, and QString::toLower maps it too.
    if (uncountables().contains(str.toLower()))
        return str;

    const QString subject = subjectFor(str);
    char16_t last = subject.isEmpty() ? 0 : subject.back().unicode();
    if (last >= 'A' && last <= 'Z')
        last = char16_t(last - 'A' + 'a');
    for (const Rule &rule : rules) {
        if (rule.lastLetters &&
            !(last >= u'a' && last <= u'z' && (rule.lastLetters & (quint32(1) << (last - u'a')))))
            continue;
        if (rule.appendsAtEnd)
            return str + rule.appended;
        const QRegularExpressionMatch m = rule.regex.match(subject);
        if (!m.hasMatch())
            continue;
        if (!rule.hasReplacement)
            return str;
        return str.left(m.capturedStart(0)) + substitute(rule, m, str) + str.mid(m.capturedEnd(0));
    }
    return str;
}

// A per-thread memo of results: schemas ask for the same names over and over (every model and
// alias is singularized and pluralized several times). Bounded (a few MB at most); when full it is
// simply emptied. The bound must exceed the names of a large schema (10,000 models plus their
// aliases), or a derivation would empty it over and over and redo every rule match.
QString cached(QHash<QString, QString> &cache, const QString &word, const std::vector<Rule> &rules)
{
    constexpr qsizetype MaxEntries = 1 << 16;
    const auto it = cache.constFind(word);
    if (it != cache.constEnd())
        return it.value();
    QString result = applyRules(word, rules);
    if (cache.size() >= MaxEntries)
        cache.clear();
    cache.insert(word, result);
    return result;
}

// ---------------------------------------------------------------------------------------------
// JavaScript string helpers
// ---------------------------------------------------------------------------------------------

char32_t codePointAt(const QString &s, qsizetype i)
{
    const QChar c = s.at(i);
    if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
        return QChar::surrogateToUcs4(c, s.at(i + 1));
    return c.unicode();
}

char32_t codePointBefore(const QString &s, qsizetype i)
{
    const QChar c = s.at(i - 1);
    if (c.isLowSurrogate() && i >= 2 && s.at(i - 2).isHighSurrogate())
        return QChar::surrogateToUcs4(s.at(i - 2), c);
    return c.unicode();
}

// Unicode Case_Ignorable: Mn, Me, Cf, Lm, Sk, or Word_Break MidLetter, MidNumLet, Single_Quote.
bool isCaseIgnorable(char32_t cp)
{
    switch (QChar::category(cp)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
    case QChar::Letter_Modifier:
    case QChar::Symbol_Modifier:
        return true;
    default:
        break;
    }
    switch (cp) {
    case 0x0027: // Single_Quote
    case 0x002E: // MidNumLet
    case 0x2018:
    case 0x2019:
    case 0x2024:
    case 0xFE52:
    case 0xFF07:
    case 0xFF0E:
    case 0x003A: // MidLetter
    case 0x00B7:
    case 0x0387:
    case 0x055F:
    case 0x05F4:
    case 0x2027:
    case 0xFE13:
    case 0xFE55:
    case 0xFF1A:
        return true;
    default:
        return false;
    }
}

// Unicode Cased: Lu, Ll, Lt, Other_Lowercase, Other_Uppercase. Qt has no Other_* properties;
// those that are not case-ignorable anyway have case mappings (circled letters, Roman
// numerals), except the ordinal indicators.
bool isCased(char32_t cp)
{
    switch (QChar::category(cp)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
        return true;
    default:
        break;
    }
    return cp == 0x00AA || cp == 0x00BA || QChar::toLower(cp) != cp || QChar::toUpper(cp) != cp;
}

// SpecialCasing's Final_Sigma for the capital sigma at i: preceded by a cased letter and not
// followed by one, case-ignorable characters skipped in both directions (as ICU does, which
// V8's toLowerCase uses).
bool isFinalSigma(const QString &s, qsizetype i)
{
    bool casedBefore = false;
    for (qsizetype j = i; j > 0;) {
        const char32_t cp = codePointBefore(s, j);
        j -= QChar::requiresSurrogates(cp) ? 2 : 1;
        if (isCaseIgnorable(cp))
            continue;
        casedBefore = isCased(cp);
        break;
    }
    if (!casedBefore)
        return false;
    for (qsizetype j = i + 1; j < s.size();) {
        const char32_t cp = codePointAt(s, j);
        j += QChar::requiresSurrogates(cp) ? 2 : 1;
        if (isCaseIgnorable(cp))
            continue;
        return !isCased(cp);
    }
    return true;
}

// String.prototype.toLowerCase (root locale): QString::toLower has the same full mappings
// ("İ" -> "i̇") but ignores the one context-dependent rule, Final_Sigma ("ΟΔΟΣ" -> "οδος").
QString jsToLower(const QString &s)
{
    constexpr char16_t CapitalSigma = 0x03A3;
    if (!s.contains(QChar(CapitalSigma)))
        return s.toLower();
    QString out;
    out.reserve(s.size());
    qsizetype from = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).unicode() != CapitalSigma)
            continue;
        out += QStringView(s).mid(from, i - from).toString().toLower();
        out += QChar(isFinalSigma(s, i) ? 0x03C2 : 0x03C3);
        from = i + 1;
    }
    out += QStringView(s).mid(from).toString().toLower();
    return out;
}

// String.prototype.toUpperCase of a single UTF-16 unit: a lone surrogate stays as it is.
QString jsUpperUnit(QChar c)
{
    if (c.unicode() < 0x80)
        return QString(c.toUpper());
    if (c.isSurrogate())
        return QString(c);
    return QString(c).toUpper(); // full mapping: "ß" -> "SS"
}

// JavaScript's WhiteSpace and LineTerminator, i.e. what `\s` matches and trim() removes.
bool isJsSpace(QChar ch)
{
    const char16_t c = ch.unicode();
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// ---------------------------------------------------------------------------------------------
// lodash's Unicode symbol splitting (reHasUnicode, reUnicode), for upperFirst
// ---------------------------------------------------------------------------------------------

bool isComboMark(char16_t c) // rsComboRange
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0xFE20 && c <= 0xFE2F) ||
           (c >= 0x20D0 && c <= 0x20FF);
}

bool isVariationSelector(char16_t c) // rsVarRange
{
    return c == 0xFE0E || c == 0xFE0F;
}

bool lodashHasUnicode(const QString &s) // reHasUnicode
{
    for (const QChar ch : s) {
        const char16_t c = ch.unicode();
        if (c == 0x200D || ch.isSurrogate() || isComboMark(c) || isVariationSelector(c))
            return true;
    }
    return false;
}

// Length in UTF-16 units of the first match of lodash's reUnicode in a non-empty string:
//   rsFitz(?=rsFitz) | rsSymbol rsSeq
// with rsSymbol = nonAstral rsCombo? | rsCombo | rsRegional | rsSurrPair | rsAstral and
// rsSeq = rsOptVar reOptMod (ZWJ (nonAstral | rsRegional | rsSurrPair) rsOptVar reOptMod)*.
// Every quantifier is greedy and nothing follows them, so no backtracking is ever needed.
qsizetype lodashFirstSymbolLength(const QString &s)
{
    const qsizetype n = s.size();
    const auto unit = [&s, n](qsizetype i) -> char16_t { return i < n ? s.at(i).unicode() : 0; };
    const auto isFitzAt = [&unit](qsizetype i) {
        return unit(i) == 0xD83C && unit(i + 1) >= 0xDFFB && unit(i + 1) <= 0xDFFF;
    };
    const auto isRegionalPairAt = [&unit](qsizetype i) {
        const auto regional = [&unit](qsizetype k) {
            return unit(k) == 0xD83C && unit(k + 1) >= 0xDDE6 && unit(k + 1) <= 0xDDFF;
        };
        return regional(i) && regional(i + 2);
    };
    const auto isSurrPairAt = [&unit](qsizetype i) {
        return QChar::isHighSurrogate(unit(i)) && QChar::isLowSurrogate(unit(i + 1));
    };
    const auto isNonAstralAt = [&unit, n](qsizetype i) {
        return i < n && !QChar::isSurrogate(unit(i));
    };
    const auto optVarMod = [&](qsizetype i) {
        if (i < n && isVariationSelector(unit(i)))
            ++i;
        if (i < n && isComboMark(unit(i)))
            ++i;
        else if (isFitzAt(i))
            i += 2;
        return i;
    };

    if (isFitzAt(0) && isFitzAt(2))
        return 2;
    qsizetype i = 0;
    if (isNonAstralAt(0))
        i = (n > 1 && isComboMark(unit(1))) ? 2 : 1;
    else if (isRegionalPairAt(0))
        i = 4;
    else if (isSurrPairAt(0))
        i = 2;
    else
        i = 1;
    i = optVarMod(i);
    while (unit(i) == 0x200D && i < n) {
        qsizetype j = i + 1;
        if (isNonAstralAt(j))
            j += 1;
        else if (isRegionalPairAt(j))
            j += 4;
        else if (isSurrPairAt(j))
            j += 2;
        else
            break;
        i = optVarMod(j);
    }
    return i;
}

} // namespace

QString pluralize(const QString &word)
{
    thread_local QHash<QString, QString> cache;
    return cached(cache, word, pluralRules());
}

QString singularize(const QString &word)
{
    thread_local QHash<QString, QString> cache;
    return cached(cache, word, singularRules());
}

QString underscore(const QString &word)
{
    // str.split('::'); each part: replace(/([A-Z])/g, '_$1'), replace(/^_/, ''); join('/');
    // toLowerCase().
    QString out;
    out.reserve(word.size() + word.size() / 2);
    qsizetype segmentStart = 0;
    const auto stripLeadingUnderscore = [&out, &segmentStart] {
        if (segmentStart < out.size() && out.at(segmentStart) == QLatin1Char('_'))
            out.remove(segmentStart, 1);
    };
    for (qsizetype i = 0; i < word.size(); ++i) {
        const QChar c = word.at(i);
        if (c == QLatin1Char(':') && i + 1 < word.size() && word.at(i + 1) == QLatin1Char(':')) {
            stripLeadingUnderscore();
            out += QLatin1Char('/');
            segmentStart = out.size();
            ++i;
            continue;
        }
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            out += QLatin1Char('_');
        out += c;
    }
    stripLeadingUnderscore();
    return jsToLower(out);
}

QString camelize(const QString &s)
{
    // str.trim().replace(/[-_\s]+(.)?/g, (match, c) => c.toUpperCase())
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && isJsSpace(s.at(begin)))
        ++begin;
    while (end > begin && isJsSpace(s.at(end - 1)))
        --end;
    const auto isSeparator = [](QChar c) {
        return c == QLatin1Char('-') || c == QLatin1Char('_') || isJsSpace(c);
    };
    QString out;
    out.reserve(end - begin);
    for (qsizetype i = begin; i < end;) {
        if (!isSeparator(s.at(i))) {
            const qsizetype run = i;
            while (i < end && !isSeparator(s.at(i)))
                ++i;
            out.append(s.constData() + run, i - run);
            continue;
        }
        while (i < end && isSeparator(s.at(i)))
            ++i;
        // `.` is one UTF-16 unit and matches anything the run left (line terminators are \s).
        // At the end `(.)?` is undefined and Sequelize throws a TypeError; the run is dropped.
        if (i < end)
            out += jsUpperUnit(s.at(i++));
    }
    return out;
}

QString upperFirst(const QString &s)
{
    // createCaseFirst('toUpperCase'): chr = first symbol (or charAt(0) when !hasUnicode)
    if (s.isEmpty())
        return s;
    const bool unicode = lodashHasUnicode(s);
    const char16_t first = s.front().unicode();
    if (!unicode && first < 0x80 && !(first >= u'a' && first <= u'z'))
        return s; // already upper-case (or caseless): shared, not copied
    const qsizetype n = unicode ? lodashFirstSymbolLength(s) : 1;
    QString out = n == 1 ? jsUpperUnit(s.at(0)) : s.left(n).toUpper();
    out += QStringView(s).mid(n);
    return out;
}

} // namespace mc
