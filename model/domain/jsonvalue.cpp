#include "jsonvalue.h"

#include <QLocale>

#include <cmath>

namespace mc {

JsonValue JsonValue::boolean(bool b)
{
    JsonValue v;
    v.m_kind = Kind::Bool;
    v.m_bool = b;
    return v;
}

JsonValue JsonValue::number(QString lexeme)
{
    JsonValue v;
    v.m_kind = Kind::Number;
    v.m_text = std::move(lexeme);
    return v;
}

JsonValue JsonValue::number(double value)
{
    // JSON has no spelling for NaN or infinity.
    if (!std::isfinite(value))
        return JsonValue();
    return number(QString::number(value, 'g', QLocale::FloatingPointShortest));
}

JsonValue JsonValue::string(QString s)
{
    JsonValue v;
    v.m_kind = Kind::String;
    v.m_text = std::move(s);
    return v;
}

JsonValue JsonValue::array()
{
    JsonValue v;
    v.m_kind = Kind::Array;
    return v;
}

JsonValue JsonValue::object()
{
    JsonValue v;
    v.m_kind = Kind::Object;
    return v;
}

bool isJsonNumberLexeme(const QString &s)
{
    int i = 0;
    const int n = s.size();
    auto digit = [&](int k) {
        return k < n && s.at(k) >= QLatin1Char('0') && s.at(k) <= QLatin1Char('9');
    };
    if (i < n && s.at(i) == QLatin1Char('-'))
        ++i;
    if (!digit(i))
        return false;
    if (s.at(i) == QLatin1Char('0'))
        ++i;
    else
        while (digit(i))
            ++i;
    if (i < n && s.at(i) == QLatin1Char('.')) {
        ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    if (i < n && (s.at(i) == QLatin1Char('e') || s.at(i) == QLatin1Char('E'))) {
        ++i;
        if (i < n && (s.at(i) == QLatin1Char('+') || s.at(i) == QLatin1Char('-')))
            ++i;
        if (!digit(i))
            return false;
        while (digit(i))
            ++i;
    }
    return i == n;
}

double JsonValue::toDouble(bool *ok) const
{
    if (ok)
        *ok = false;
    if (m_kind != Kind::Number)
        return 0.0;
    // Fast path for the common case, a short integer (positions, defaults): exact.
    if (m_text.size() <= 15) {
        const QChar *p = m_text.constData();
        qsizetype i = (!m_text.isEmpty() && p[0] == QLatin1Char('-')) ? 1 : 0;
        if (i < m_text.size()) {
            qint64 v = 0;
            bool digits = true;
            for (qsizetype k = i; k < m_text.size() && digits; ++k) {
                const char16_t c = p[k].unicode();
                digits = c >= u'0' && c <= u'9';
                v = v * 10 + (c - u'0');
            }
            if (digits) {
                if (ok)
                    *ok = true;
                return i ? -double(v) : double(v);
            }
        }
    }
    bool converted = false;
    const double d = m_text.toDouble(&converted);
    if (!std::isfinite(d))
        return 0.0; // overflow: the lexeme is kept, but it is not a usable number
    if (!converted && !isJsonNumberLexeme(m_text))
        return 0.0;
    // Qt reports underflow (1e-999) as a failure; the value is simply (close to) zero.
    if (ok)
        *ok = true;
    return d;
}

void JsonValue::insert(const QString &key, JsonValue v)
{
    for (size_t i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i] == key) {
            m_items[i] = std::move(v);
            return;
        }
    }
    m_keys.push_back(key);
    m_items.push_back(std::move(v));
}

const JsonValue *JsonValue::find(const QString &key) const
{
    if (m_kind != Kind::Object)
        return nullptr;
    for (size_t i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i] == key)
            return &m_items[i];
    }
    return nullptr;
}

bool JsonValue::operator==(const JsonValue &o) const
{
    if (m_kind != o.m_kind)
        return false;
    switch (m_kind) {
    case Kind::Null:
        return true;
    case Kind::Bool:
        return m_bool == o.m_bool;
    case Kind::Number: // same spelling: the value is about preserving text
    case Kind::String:
        return m_text == o.m_text;
    case Kind::Array:
        return m_items == o.m_items;
    case Kind::Object:
        return m_keys == o.m_keys && m_items == o.m_items;
    }
    return false;
}

QString JsonValue::describe() const
{
    auto shorten = [](const QString &s) {
        return s.size() > 40 ? s.left(40) + QLatin1String("...") : s;
    };
    switch (m_kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::Bool:
        return m_bool ? QStringLiteral("true") : QStringLiteral("false");
    case Kind::Number:
        return QLatin1String("number ") + shorten(m_text);
    case Kind::String:
        return QLatin1String("string ") + jsonQuote(shorten(m_text));
    case Kind::Array:
        return QStringLiteral("an array");
    case Kind::Object:
        return QStringLiteral("an object");
    }
    return QString();
}

static void appendCompact(const JsonValue &v, QString &out)
{
    switch (v.kind()) {
    case JsonValue::Kind::Null:
        out += QLatin1String("null");
        break;
    case JsonValue::Kind::Bool:
        out += v.toBool() ? QLatin1String("true") : QLatin1String("false");
        break;
    case JsonValue::Kind::Number:
        out += v.text();
        break;
    case JsonValue::Kind::String:
        out += jsonQuote(v.text());
        break;
    case JsonValue::Kind::Array:
        out += QLatin1Char('[');
        for (size_t i = 0; i < v.items().size(); ++i) {
            if (i)
                out += QLatin1String(", ");
            appendCompact(v.items()[i], out);
        }
        out += QLatin1Char(']');
        break;
    case JsonValue::Kind::Object:
        out += QLatin1Char('{');
        for (size_t i = 0; i < v.keys().size(); ++i) {
            if (i)
                out += QLatin1String(", ");
            out += jsonQuote(v.keys()[i]);
            out += QLatin1String(": ");
            appendCompact(v.items()[i], out);
        }
        out += QLatin1Char('}');
        break;
    }
}

QString JsonValue::toCompactJson() const
{
    QString out;
    appendCompact(*this, out);
    return out;
}

QString jsonQuote(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\b':
            out += QLatin1String("\\b");
            break;
        case '\f':
            out += QLatin1String("\\f");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

static bool isPlainKey(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (const QChar c : key) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                        (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                        (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') ||
                        c == QLatin1Char('-') || c == QLatin1Char('$');
        if (!ok)
            return false;
    }
    return true;
}

QString jsonPathKey(const QString &path, const QString &key)
{
    if (!isPlainKey(key))
        return path + QLatin1Char('[') + jsonQuote(key) + QLatin1Char(']');
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString jsonPathIndex(const QString &path, int index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

} // namespace mc
