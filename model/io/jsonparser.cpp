#include "jsonparser.h"

#include <QSet>

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mc {

namespace {

bool isCont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// Upper-case hex, at least four digits (`00E9`, `1F600`).
QString hex4(uint code)
{
    return QString::number(code, 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

struct PathPart
{
    QString key;
    int index = -1; ///< >= 0 for an array element
};

/// Members of the array or object being parsed at one nesting depth. They are
/// collected here and then moved into a value sized once, which avoids growing
/// every array and object one element at a time.
struct Scratch
{
    std::vector<QString> keys;
    std::vector<JsonValue> items;
};

class Parser
{
public:
    Parser(const char *data, qsizetype size)
        : m_p(data), m_n(size), m_scratch(size_t(kMaxJsonDepth) + 1)
    {}

    JsonParseResult run();

private:
    bool fail(qsizetype at, JsonParseResult::Error kind, const QString &message);
    bool failExpected(const QString &what);
    QString found() const;
    void skipWs();
    bool atEnd() const { return m_pos >= m_n; }
    bool parseValue(JsonValue &out);
    bool parseObject(JsonValue &out);
    bool parseArray(JsonValue &out);
    bool parseString(QString &out);
    /// The QString of the (already validated UTF-8) bytes from..from+length, shared
    /// with every earlier occurrence of the same bytes.
    QString intern(qsizetype from, qsizetype length);
    bool parseEscape(QString &out);
    bool parseHex4(qsizetype at, int &value);
    bool parseNumber(JsonValue &out);
    bool parseWord(JsonValue &out);
    bool enter();
    void leave(JsonValue &out);
    QString pathString() const;

    const char *m_p;
    qsizetype m_n;
    qsizetype m_pos = 0;
    qsizetype m_bomSize = 0;
    int m_depth = 0;
    std::vector<PathPart> m_path;
    std::vector<Scratch> m_scratch; ///< indexed by depth; never resized while parsing
    /// Short strings without escapes, by their bytes in the input (which outlives the
    /// parse): keys and values repeat ("name", "type", model names), so they share one
    /// QString instead of each allocating and decoding its own.
    std::unordered_map<std::string_view, QString> m_interned;
    JsonParseResult m_result;
};

JsonParseResult Parser::run()
{
    const qsizetype bad = firstInvalidUtf8(m_p, m_n);
    if (bad >= 0) {
        fail(bad, JsonParseResult::Error::InvalidUtf8,
             QStringLiteral("invalid UTF-8 (byte 0x%1 at byte offset %2)")
                 .arg(QString::number(static_cast<unsigned char>(m_p[bad]), 16).toUpper())
                 .arg(bad));
        return m_result;
    }
    if (m_n >= 3 && static_cast<unsigned char>(m_p[0]) == 0xEF &&
        static_cast<unsigned char>(m_p[1]) == 0xBB && static_cast<unsigned char>(m_p[2]) == 0xBF)
        m_bomSize = m_pos = 3;
    JsonValue v;
    skipWs();
    if (!parseValue(v))
        return m_result;
    skipWs();
    if (!atEnd()) {
        fail(m_pos, JsonParseResult::Error::Syntax,
             QStringLiteral("unexpected %1 after the end of the JSON value").arg(found()));
        return m_result;
    }
    m_result.value = std::move(v);
    return std::move(m_result); // a member: without the move, the whole tree is copied
}

QString Parser::pathString() const
{
    QString s;
    for (const PathPart &part : m_path)
        s = part.index >= 0 ? jsonPathIndex(s, part.index) : jsonPathKey(s, part.key);
    return s;
}

bool Parser::fail(qsizetype at, JsonParseResult::Error kind, const QString &message)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = m_bomSize; i < at && i < m_n; ++i) {
        const auto c = static_cast<unsigned char>(m_p[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if (!isCont(c)) {
            ++column;
        }
    }
    m_result.value.reset();
    m_result.errorKind = kind;
    m_result.message = message;
    m_result.path = pathString();
    m_result.line = line;
    m_result.column = column;
    m_result.offset = at;
    m_result.error = QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
    return false;
}

QString Parser::found() const
{
    if (atEnd())
        return QStringLiteral("end of input");
    const auto c = static_cast<unsigned char>(m_p[m_pos]);
    if (c == '\'')
        return QStringLiteral("\"'\"");
    if (c >= 0x20 && c < 0x7F)
        return QStringLiteral("'%1'").arg(QLatin1Char(char(c)));
    if (c < 0x80)
        return QStringLiteral("control character U+%1").arg(hex4(c));
    qsizetype len = 1;
    while (m_pos + len < m_n && isCont(static_cast<unsigned char>(m_p[m_pos + len])))
        ++len;
    const QString ch = QString::fromUtf8(m_p + m_pos, len);
    return QStringLiteral("'%1' (U+%2)").arg(ch, hex4(ch.toUcs4().value(0)));
}

bool Parser::failExpected(const QString &what)
{
    if (atEnd())
        return fail(m_pos, JsonParseResult::Error::Syntax,
                    QStringLiteral("unexpected end of input, expected %1").arg(what));
    return fail(m_pos, JsonParseResult::Error::Syntax,
                QStringLiteral("expected %1, found %2").arg(what, found()));
}

void Parser::skipWs()
{
    while (m_pos < m_n) {
        const char c = m_p[m_pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        ++m_pos;
    }
}

bool Parser::enter()
{
    if (++m_depth > kMaxJsonDepth)
        return fail(m_pos, JsonParseResult::Error::TooDeep,
                    QStringLiteral("nesting deeper than %1 levels").arg(kMaxJsonDepth));
    Scratch &scratch = m_scratch[size_t(m_depth)];
    scratch.keys.clear();
    scratch.items.clear();
    return true;
}

/// Moves the members collected at the current depth into \a out and leaves that depth.
void Parser::leave(JsonValue &out)
{
    Scratch &scratch = m_scratch[size_t(m_depth)];
    out.reserve(scratch.items.size());
    for (size_t i = 0; i < scratch.items.size(); ++i) {
        if (out.isObject())
            out.appendMember(std::move(scratch.keys[i]), std::move(scratch.items[i]));
        else
            out.append(std::move(scratch.items[i]));
    }
    scratch.keys.clear();
    scratch.items.clear();
    --m_depth;
}

bool Parser::parseValue(JsonValue &out)
{
    if (atEnd())
        return failExpected(QStringLiteral("a JSON value"));
    const char c = m_p[m_pos];
    if (c == '{')
        return parseObject(out);
    if (c == '[')
        return parseArray(out);
    if (c == '"') {
        QString s;
        if (!parseString(s))
            return false;
        out = JsonValue::string(std::move(s));
        return true;
    }
    if (c == '-' || isDigit(c))
        return parseNumber(out);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return parseWord(out);
    return failExpected(QStringLiteral("a JSON value"));
}

bool Parser::parseWord(JsonValue &out)
{
    const qsizetype start = m_pos;
    qsizetype end = m_pos;
    while (end < m_n && end - start < 32 &&
           ((m_p[end] >= 'a' && m_p[end] <= 'z') || (m_p[end] >= 'A' && m_p[end] <= 'Z')))
        ++end;
    const std::string_view word(m_p + start, size_t(end - start));
    if (word == "true")
        out = JsonValue::boolean(true);
    else if (word == "false")
        out = JsonValue::boolean(false);
    else if (word == "null")
        out = JsonValue::null();
    else
        return fail(start, JsonParseResult::Error::Syntax,
                    QStringLiteral("unknown word \"%1\" (JSON values are strings, numbers, "
                                   "objects, arrays, true, false and null)")
                        .arg(QString::fromLatin1(word.data(), qsizetype(word.size()))));
    m_pos = end;
    return true;
}

bool Parser::parseNumber(JsonValue &out)
{
    const qsizetype start = m_pos;
    auto bad = [&](const char *what) {
        return fail(m_pos, JsonParseResult::Error::Syntax,
                    QStringLiteral("invalid number: %1").arg(QLatin1String(what)));
    };
    if (m_p[m_pos] == '-')
        ++m_pos;
    if (atEnd() || !isDigit(m_p[m_pos]))
        return bad("expected a digit after '-'");
    if (m_p[m_pos] == '0') {
        ++m_pos;
        if (!atEnd() && isDigit(m_p[m_pos]))
            return bad("leading zeros are not allowed");
    } else {
        while (!atEnd() && isDigit(m_p[m_pos]))
            ++m_pos;
    }
    if (!atEnd() && m_p[m_pos] == '.') {
        ++m_pos;
        if (atEnd() || !isDigit(m_p[m_pos]))
            return bad("expected a digit after '.'");
        while (!atEnd() && isDigit(m_p[m_pos]))
            ++m_pos;
    }
    if (!atEnd() && (m_p[m_pos] == 'e' || m_p[m_pos] == 'E')) {
        ++m_pos;
        if (!atEnd() && (m_p[m_pos] == '+' || m_p[m_pos] == '-'))
            ++m_pos;
        if (atEnd() || !isDigit(m_p[m_pos]))
            return bad("expected a digit in the exponent");
        while (!atEnd() && isDigit(m_p[m_pos]))
            ++m_pos;
    }
    out = JsonValue::number(intern(start, m_pos - start));
    return true;
}

bool Parser::parseHex4(qsizetype at, int &value)
{
    value = 0;
    for (int i = 0; i < 4; ++i) {
        const int h = at + i < m_n ? hexValue(m_p[at + i]) : -1;
        if (h < 0)
            return fail(at - 2, JsonParseResult::Error::Syntax,
                        QStringLiteral("invalid \\u escape: expected four hex digits"));
        value = value * 16 + h;
    }
    return true;
}

bool Parser::parseEscape(QString &out)
{
    const qsizetype start = m_pos; // at the backslash
    if (m_pos + 1 >= m_n)
        return fail(start, JsonParseResult::Error::Syntax,
                    QStringLiteral("unexpected end of input in a string"));
    const char e = m_p[m_pos + 1];
    m_pos += 2;
    switch (e) {
    case '"':
        out += QLatin1Char('"');
        return true;
    case '\\':
        out += QLatin1Char('\\');
        return true;
    case '/':
        out += QLatin1Char('/');
        return true;
    case 'b':
        out += QLatin1Char('\b');
        return true;
    case 'f':
        out += QLatin1Char('\f');
        return true;
    case 'n':
        out += QLatin1Char('\n');
        return true;
    case 'r':
        out += QLatin1Char('\r');
        return true;
    case 't':
        out += QLatin1Char('\t');
        return true;
    case 'u':
        break;
    default:
        m_pos = start + 1;
        if (e > 0x20 && e < 0x7F)
            return fail(
                start, JsonParseResult::Error::Syntax,
                QStringLiteral("unknown escape sequence \"\\%1\" in a string").arg(QLatin1Char(e)));
        return fail(start, JsonParseResult::Error::Syntax,
                    QStringLiteral("unknown escape sequence in a string: '\\' followed by %1")
                        .arg(found()));
    }
    int u = 0;
    if (!parseHex4(m_pos, u))
        return false;
    m_pos += 4;
    auto lone = [&](int code) {
        return fail(start, JsonParseResult::Error::Syntax,
                    QStringLiteral("lone surrogate \\u%1 in a string").arg(hex4(uint(code))));
    };
    if (u >= 0xDC00 && u <= 0xDFFF)
        return lone(u);
    if (u >= 0xD800 && u <= 0xDBFF) {
        int low = 0;
        if (m_pos + 1 >= m_n || m_p[m_pos] != '\\' || m_p[m_pos + 1] != 'u')
            return lone(u);
        if (!parseHex4(m_pos + 2, low))
            return false;
        if (low < 0xDC00 || low > 0xDFFF)
            return lone(u);
        m_pos += 6;
        out += QChar(char16_t(u));
        out += QChar(char16_t(low));
        return true;
    }
    out += QChar(char16_t(u));
    return true;
}

QString Parser::intern(qsizetype from, qsizetype length)
{
    const std::string_view bytes(m_p + from, size_t(length));
    auto it = m_interned.find(bytes);
    if (it == m_interned.end())
        it = m_interned.emplace(bytes, QString::fromUtf8(m_p + from, length)).first;
    return it->second;
}

bool Parser::parseString(QString &out)
{
    const qsizetype start = m_pos;
    ++m_pos; // opening quote
    qsizetype run = m_pos;
    for (;;) {
        if (atEnd())
            return fail(start, JsonParseResult::Error::Syntax,
                        QStringLiteral("unterminated string"));
        const auto c = static_cast<unsigned char>(m_p[m_pos]);
        if (c == '"' && run == start + 1 && m_pos - run <= 32) {
            out = intern(run, m_pos - run);
            ++m_pos;
            return true;
        }
        if (c == '"' || c == '\\') {
            if (m_pos > run)
                out += QString::fromUtf8(m_p + run, m_pos - run);
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (!parseEscape(out))
                return false;
            run = m_pos;
        } else if (c < 0x20) {
            return fail(m_pos, JsonParseResult::Error::Syntax,
                        QStringLiteral("raw %1 in a string (write it as an escape)").arg(found()));
        } else {
            ++m_pos;
        }
    }
}

bool Parser::parseArray(JsonValue &out)
{
    if (!enter())
        return false;
    ++m_pos;
    out = JsonValue::array();
    Scratch &scratch = m_scratch[size_t(m_depth)];
    skipWs();
    if (!atEnd() && m_p[m_pos] == ']') {
        ++m_pos;
        leave(out);
        return true;
    }
    for (int index = 0;; ++index) {
        skipWs();
        if (index > 0 && !atEnd() && m_p[m_pos] == ']')
            return fail(m_pos, JsonParseResult::Error::Syntax,
                        QStringLiteral("trailing comma before ']'"));
        m_path.push_back({QString(), index});
        scratch.items.emplace_back();
        if (!parseValue(scratch.items.back()))
            return false;
        m_path.pop_back();
        skipWs();
        if (!atEnd() && m_p[m_pos] == ',') {
            ++m_pos;
            continue;
        }
        if (!atEnd() && m_p[m_pos] == ']') {
            ++m_pos;
            leave(out);
            return true;
        }
        return failExpected(QStringLiteral("',' or ']' after array element"));
    }
}

bool Parser::parseObject(JsonValue &out)
{
    if (!enter())
        return false;
    ++m_pos;
    out = JsonValue::object();
    Scratch &scratch = m_scratch[size_t(m_depth)];
    // Objects are mostly small: scan their keys, and only hash the keys of large ones.
    constexpr size_t kLinearKeyLimit = 16;
    QSet<QString> seen;
    auto isDuplicate = [&](const QString &key) {
        const std::vector<QString> &keys = scratch.keys;
        if (keys.size() < kLinearKeyLimit)
            return std::find(keys.begin(), keys.end(), key) != keys.end();
        if (seen.isEmpty())
            seen = QSet<QString>(keys.begin(), keys.end());
        if (seen.contains(key))
            return true;
        seen.insert(key); // about to be appended
        return false;
    };
    skipWs();
    if (!atEnd() && m_p[m_pos] == '}') {
        ++m_pos;
        leave(out);
        return true;
    }
    for (bool first = true;; first = false) {
        skipWs();
        if (atEnd() || m_p[m_pos] != '"') {
            if (!first && !atEnd() && m_p[m_pos] == '}')
                return fail(m_pos, JsonParseResult::Error::Syntax,
                            QStringLiteral("trailing comma before '}'"));
            return failExpected(QStringLiteral("a string as object key"));
        }
        const qsizetype keyPos = m_pos;
        QString key;
        if (!parseString(key))
            return false;
        if (isDuplicate(key))
            return fail(keyPos, JsonParseResult::Error::DuplicateKey,
                        QStringLiteral("duplicate key %1").arg(jsonQuote(key)));
        skipWs();
        if (atEnd() || m_p[m_pos] != ':')
            return failExpected(QStringLiteral("':' after object key"));
        ++m_pos;
        skipWs();
        m_path.push_back({key, -1});
        scratch.keys.push_back(key);
        scratch.items.emplace_back();
        if (!parseValue(scratch.items.back()))
            return false;
        m_path.pop_back();
        skipWs();
        if (!atEnd() && m_p[m_pos] == ',') {
            ++m_pos;
            continue;
        }
        if (!atEnd() && m_p[m_pos] == '}') {
            ++m_pos;
            leave(out);
            return true;
        }
        return failExpected(QStringLiteral("',' or '}' after object member"));
    }
}

} // namespace

qsizetype firstInvalidUtf8(const char *data, qsizetype size)
{
    const auto *s = reinterpret_cast<const unsigned char *>(data);
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        // Report the first byte of a malformed sequence.
        int len = 0;
        unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0; // no overlong forms
            else if (c == 0xED)
                hi = 0x9F; // no UTF-16 surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F; // nothing above U+10FFFF
        } else {
            return i;
        }
        for (int k = 1; k < len; ++k) {
            if (i + k >= size)
                return i; // truncated sequence: report its first byte
            const unsigned char b = s[i + k];
            if (k == 1 ? (b < lo || b > hi) : !isCont(b))
                return i;
        }
        i += len;
    }
    return -1;
}

JsonParseResult parseJson(const QByteArray &utf8)
{
    return Parser(utf8.constData(), utf8.size()).run();
}

} // namespace mc
