#include "diagnostic.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace mc {

QString Diagnostic::toString() const
{
    return path.isEmpty() ? message : path + QLatin1String(": ") + message;
}

bool hasErrors(const Diagnostics &d)
{
    for (const Diagnostic &x : d) {
        if (x.severity == Diagnostic::Severity::Error)
            return true;
    }
    return false;
}

/// Levenshtein distance, capped at 3 (all that suggestions need).
static int editDistance(const QString &a, const QString &b)
{
    if (std::abs(a.size() - b.size()) > 2 || a.size() > 64 || b.size() > 64)
        return 3;
    std::vector<int> prev(size_t(b.size()) + 1), cur(prev.size());
    for (int j = 0; j <= b.size(); ++j)
        prev[size_t(j)] = j;
    for (int i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int sub = prev[size_t(j - 1)] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            cur[size_t(j)] = std::min({sub, prev[size_t(j)] + 1, cur[size_t(j - 1)] + 1});
        }
        std::swap(prev, cur);
    }
    return std::min(prev[size_t(b.size())], 3);
}

QString suggestName(const QString &name, const QStringList &candidates)
{
    for (const QString &c : candidates) {
        if (c.compare(name, Qt::CaseInsensitive) == 0)
            return c;
    }
    QString best;
    int bestDistance = 3;
    for (const QString &c : candidates) {
        const int d = editDistance(name, c);
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

QString severityName(Diagnostic::Severity s)
{
    switch (s) {
    case Diagnostic::Severity::Error:
        return QStringLiteral("error");
    case Diagnostic::Severity::Warning:
        return QStringLiteral("warning");
    case Diagnostic::Severity::Info:
        return QStringLiteral("info");
    }
    return QString();
}

} // namespace mc
