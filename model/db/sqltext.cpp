#include "sqltext.h"

namespace mc {

qsizetype skipSqlToken(const QString &sql, qsizetype i)
{
    const qsizetype n = sql.size();
    const QChar c = sql[i];
    if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`') ||
        c == QLatin1Char('[')) {
        const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
        for (++i; i < n; ++i) {
            if (sql[i] != close)
                continue;
            if (close != QLatin1Char(']') && i + 1 < n && sql[i + 1] == close) {
                ++i; // a doubled quote stands for itself
                continue;
            }
            return i + 1;
        }
        return n;
    }
    if (c == QLatin1Char('-') && i + 1 < n && sql[i + 1] == QLatin1Char('-')) {
        const qsizetype end = sql.indexOf(QLatin1Char('\n'), i);
        return end < 0 ? n : end + 1;
    }
    if (c == QLatin1Char('/') && i + 1 < n && sql[i + 1] == QLatin1Char('*')) {
        const qsizetype end = sql.indexOf(QLatin1String("*/"), i + 2);
        return end < 0 ? n : end + 2;
    }
    return i + 1;
}

qsizetype closingParen(const QString &sql, qsizetype open)
{
    int depth = 0;
    for (qsizetype k = open; k < sql.size(); k = skipSqlToken(sql, k)) {
        if (sql[k] == QLatin1Char('('))
            ++depth;
        else if (sql[k] == QLatin1Char(')') && --depth == 0)
            return k;
    }
    return -1;
}

} // namespace mc
