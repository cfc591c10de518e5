#include "defaultliteral.h"

#include "ddl/sqlliteral.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace mc {

namespace {

/// JavaScript's String(value) for a literal default.
QString jsString(const JsonValue &v)
{
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isNumber())
        return jsNumberText(jsToNumber(v.text()));
    return v.text();
}

bool isFloating(const DataType &t)
{
    return t.name() == QLatin1String("FLOAT") || t.name() == QLatin1String("DOUBLE") ||
           t.name() == QLatin1String("REAL");
}

/// FLOAT/DOUBLE/REAL _stringify: `'${_value(value)}'`, unescaped (escape: false).
QString floatingLiteral(const JsonValue &v)
{
    const double n = v.isBool() ? (v.toBool() ? 1 : 0) : jsToNumber(v.text());
    if (std::isnan(n))
        return QStringLiteral("'NaN'");
    if (std::isinf(n))
        return n < 0 ? QStringLiteral("'-Infinity'") : QStringLiteral("'Infinity'");
    return QLatin1Char('\'') + jsString(v) + QLatin1Char('\'');
}

/// BLOB _stringify: the UTF-8 bytes of String(value) as a hex literal.
QString blobLiteral(const JsonValue &v, Dialect d)
{
    const QString hex = QString::fromLatin1(jsString(v).toUtf8().toHex());
    return d == Dialect::Postgres ? QStringLiteral("E'\\\\x%1'").arg(hex)
                                  : QStringLiteral("X'%1'").arg(hex);
}

/// moment(string) for the ISO 8601 forms moment parses (local time = UTC here).
std::optional<QDateTime> parseIsoDate(const QString &s)
{
    static const QRegularExpression iso(
        QStringLiteral("^\\s*(\\d{4})-(\\d\\d)(?:-(\\d\\d))?(?:[T "
                       "](\\d\\d)(?::(\\d\\d)(?::(\\d\\d)(?:[.,](\\d+))?)?)?"
                       "(Z|[+-]\\d\\d(?::?\\d\\d)?)?)?$"));
    const QRegularExpressionMatch m = iso.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(),
                     m.capturedLength(3) ? m.captured(3).toInt() : 1);
    int hour = m.captured(4).toInt();
    const int minute = m.captured(5).toInt(), second = m.captured(6).toInt();
    const int ms =
        m.capturedLength(7) ? int(QStringLiteral("0.%1").arg(m.captured(7)).toDouble() * 1000) : 0;
    const bool midnight24 = hour == 24 && minute == 0 && second == 0 && ms == 0;
    if (midnight24)
        hour = 0;
    const QTime time(hour, minute, second, ms);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    QDateTime dt(date, time, QTimeZone::utc());
    if (midnight24)
        dt = dt.addDays(1);
    const QString zone = m.captured(8);
    if (!zone.isEmpty() && zone != QLatin1String("Z")) {
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int offset = digits.left(2).toInt() * 60 + digits.mid(2).toInt();
        dt = dt.addSecs((zone.startsWith(QLatin1Char('-')) ? 1 : -1) * offset * 60);
    }
    return dt;
}

QString momentYear(int y)
{
    if (y > 9999)
        return QLatin1Char('+') + QString::number(y);
    const QString padded = QStringLiteral("%1").arg(std::abs(y), 4, 10, QLatin1Char('0'));
    return y < 0 ? QLatin1Char('-') + padded : padded;
}

/// DATE/DATEONLY _stringify (moment, timezone +00:00); nullopt for an invalid date.
std::optional<QString> dateText(const JsonValue &v, bool dateOnly)
{
    std::optional<QDateTime> dt;
    if (v.isNumber()) {
        const double ms = jsToNumber(v.text());
        if (std::isfinite(ms) && std::fabs(ms) <= 8.64e15)
            dt = QDateTime::fromMSecsSinceEpoch(qint64(std::trunc(ms)), QTimeZone::utc());
    } else if (v.isString()) {
        dt = parseIsoDate(v.text());
    }
    if (!dt)
        return std::nullopt;
    const QString day = momentYear(dt->date().year()) + dt->toString(QStringLiteral("-MM-dd"));
    if (dateOnly)
        return day;
    return day + dt->toString(QStringLiteral(" HH:mm:ss.zzz")) + QStringLiteral(" +00:00");
}

QString dateLiteral(const JsonValue &v, const DataType &t, Dialect d)
{
    if (d == Dialect::Postgres && v.isNumber() && std::isinf(jsToNumber(v.text())))
        return quoteString(
            jsToNumber(v.text()) < 0 ? QStringLiteral("-Infinity") : QStringLiteral("Infinity"), d);
    const auto text = dateText(v, t.name() == QLatin1String("DATEONLY"));
    return quoteString(text.value_or(QStringLiteral("Invalid date")), d);
}

std::optional<QString> mysqlDefault(const JsonValue &v, const DataType &t)
{
    // mysql/query-generator.js: typeWithoutDefault and `type._binary !== true`.
    const QString typeSql = columnTypeSql(t, Dialect::MySQL);
    if (typeSql == QLatin1String("BLOB") || typeSql == QLatin1String("TEXT") ||
        typeSql == QLatin1String("JSON") || t.hasModifier(QStringLiteral("BINARY")))
        return std::nullopt;
    if (v.isString())
        return quoteString(v.text(), Dialect::MySQL);
    return jsString(v); // escape() without the field: no type conversion
}

} // namespace

std::optional<QString> defaultLiteralSql(const JsonValue &value, const DataType &type,
                                         Dialect dialect)
{
    if (dialect == Dialect::MySQL)
        return mysqlDefault(value, type);
    const QString &n = type.name();
    QString sql;
    if (isFloating(type)) {
        sql = floatingLiteral(value);
    } else if (n == QLatin1String("JSON") || n == QLatin1String("JSONB")) {
        // JSON.stringify(): an infinite number becomes null.
        const QString json = value.isString() ? jsonQuote(value.text())
                             : value.isNumber() && !std::isfinite(jsToNumber(value.text()))
                                 ? QStringLiteral("null")
                                 : jsString(value);
        sql = quoteString(json, dialect);
    } else if (n == QLatin1String("BLOB")) {
        sql = blobLiteral(value, dialect);
    } else if (n == QLatin1String("DATE") || n == QLatin1String("DATEONLY")) {
        sql = dateLiteral(value, type, dialect);
    } else if (value.isBool()) {
        const bool b = value.toBool();
        sql = dialect == Dialect::SQLite ? QString(b ? QLatin1Char('1') : QLatin1Char('0'))
                                         : (b ? QStringLiteral("true") : QStringLiteral("false"));
    } else if (value.isNumber()) {
        sql = jsString(value);
    } else {
        sql = quoteString(value.text(), dialect);
    }
    if (dialect == Dialect::SQLite) {
        // replaceBooleanDefaults(): /DEFAULT '?false'?/ -> DEFAULT 0 (whole literal only).
        if (sql == QLatin1String("'false'") || sql == QLatin1String("false"))
            return QStringLiteral("0");
        if (sql == QLatin1String("'true'") || sql == QLatin1String("true"))
            return QStringLiteral("1");
    }
    return sql;
}

} // namespace mc
