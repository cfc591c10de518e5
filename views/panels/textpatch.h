#pragma once

#include <QString>
#include <QVector>

namespace mc {

/// Replace \a length characters at \a position of the old text with \a text.
struct TextReplacement
{
    int position = 0;
    int length = 0;
    QString text;
};

/// The replacements that turn \a from into \a to, last first (so each position is
/// still valid when its turn comes), touching whole lines only where they differ:
/// the common head and tail are kept, and when the middle keeps its line count (a
/// rename, a column added) only the lines that changed are replaced. A text view
/// then re-lays out and re-highlights a few lines instead of megabytes.
QVector<TextReplacement> textPatch(const QString &from, const QString &to);

} // namespace mc
