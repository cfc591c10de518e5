#include "sqlliteral.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace mc {

QString quoteIdentifier(const QString &name, Dialect dialect)
{
    const QChar q = dialect == Dialect::Postgres ? QLatin1Char('"') : QLatin1Char('`');
    QString out;
    out.reserve(name.size() + 2);
    out += q;
    for (const QChar c : name) {
        out += c;
        if (c == q)
            out += q;
    }
    out += q;
    return out;
}

QString quoteString(const QString &value, Dialect dialect)
{
    QString out;
    out.reserve(value.size() + 2);
    out += QLatin1Char('\'');
    for (const QChar c : value) {
        if (dialect != Dialect::MySQL) {
            out += c;
            if (c == QLatin1Char('\''))
                out += c;
            continue;
        }
        // sql-string.js: /[\0\n\r\b\t\\'"\x1a]/g
        switch (c.unicode()) {
        case 0:
            out += QLatin1String("\\0");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\b':
            out += QLatin1String("\\b");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case 0x1a:
            out += QLatin1String("\\Z");
            break;
        case '\\':
        case '\'':
        case '"':
            out += QLatin1Char('\\');
            out += c;
            break;
        default:
            out += c;
        }
    }
    out += QLatin1Char('\'');
    return out;
}

QString jsNumberText(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value < 0 ? QStringLiteral("-Infinity") : QStringLiteral("Infinity");
    if (value == 0)
        return QStringLiteral("0"); // also -0
    // Shortest round-trip digits and exponent, then ECMAScript's Number::toString layout.
    const QString sci = QString::number(std::fabs(value), 'e', QLocale::FloatingPointShortest);
    const int e = sci.indexOf(QLatin1Char('e'));
    QString digits = sci.left(e);
    digits.remove(QLatin1Char('.'));
    const int k = int(digits.size());
    const int n = sci.mid(e + 1).toInt() + 1; // position of the decimal point
    QString out;
    if (k <= n && n <= 21) {
        out = digits + QString(n - k, QLatin1Char('0'));
    } else if (0 < n && n <= 21) {
        out = digits.left(n) + QLatin1Char('.') + digits.mid(n);
    } else if (-6 < n && n <= 0) {
        out = QStringLiteral("0.") + QString(-n, QLatin1Char('0')) + digits;
    } else {
        out = digits.left(1);
        if (k > 1)
            out += QLatin1Char('.') + digits.mid(1);
        out += QLatin1Char('e') + QString(n - 1 >= 0 ? QLatin1Char('+') : QLatin1Char('-')) +
               QString::number(std::abs(n - 1));
    }
    return value < 0 ? QLatin1Char('-') + out : out;
}

namespace {

bool isJsWhiteSpace(QChar c)
{
    return (c.isSpace() && c.unicode() != 0x85) || c.unicode() == 0xfeff;
}

} // namespace

double jsToNumber(const QString &text)
{
    int from = 0, to = int(text.size());
    while (from < to && isJsWhiteSpace(text.at(from)))
        ++from;
    while (to > from && isJsWhiteSpace(text.at(to - 1)))
        --to;
    const QString s = text.mid(from, to - from);
    if (s.isEmpty())
        return 0;
    static const QRegularExpression decimal(
        QStringLiteral("^[+-]?(Infinity|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)$"));
    static const QRegularExpression radix(
        QStringLiteral("^0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)$"));
    if (decimal.match(s).hasMatch()) {
        const bool negative = s.startsWith(QLatin1Char('-'));
        if (s.endsWith(QLatin1String("Infinity")))
            return negative ? -std::numeric_limits<double>::infinity()
                            : std::numeric_limits<double>::infinity();
        // C locale; on overflow Qt returns an infinity, on underflow 0 (both with ok false).
        bool ok = false;
        const double v = s.toDouble(&ok);
        if (!ok && std::isinf(v))
            return negative ? -std::numeric_limits<double>::infinity()
                            : std::numeric_limits<double>::infinity();
        return ok ? v : 0.0;
    }
    if (radix.match(s).hasMatch()) {
        const int base = s.at(1).toLower() == QLatin1Char('x')   ? 16
                         : s.at(1).toLower() == QLatin1Char('o') ? 8
                                                                 : 2;
        double v = 0;
        for (const QChar c : s.mid(2))
            v = v * base + QString(c).toInt(nullptr, 16);
        return v;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace mc
