#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace mc {

/// One problem found in a document or schema: severity, where (a JSON path such as
/// `associations[1].target`, empty for the whole document) and a plain message.
struct Diagnostic
{
    enum class Severity { Error, Warning, Info };

    Severity severity = Severity::Error;
    QString path;
    QString message;

    static Diagnostic error(const QString &path, const QString &message)
    {
        return {Severity::Error, path, message};
    }
    static Diagnostic warning(const QString &path, const QString &message)
    {
        return {Severity::Warning, path, message};
    }

    /// `path: message`, or just the message when there is no path.
    QString toString() const;

    bool operator==(const Diagnostic &o) const
    {
        return severity == o.severity && path == o.path && message == o.message;
    }
    bool operator!=(const Diagnostic &o) const { return !(*this == o); }
};

using Diagnostics = QVector<Diagnostic>;

bool hasErrors(const Diagnostics &d);

/// For "did you mean" hints: the candidate equal to \a name ignoring case, else the
/// first one within edit distance 2, else an empty string.
QString suggestName(const QString &name, const QStringList &candidates);
QString severityName(Diagnostic::Severity s); ///< "error", "warning", "info"

} // namespace mc
