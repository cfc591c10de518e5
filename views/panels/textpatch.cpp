#include "textpatch.h"

#include <algorithm>

namespace mc {

namespace {

// Start offsets of the lines of text[begin, end) (end is a line end or the text end).
QVector<int> lineStarts(const QString &text, int begin, int end)
{
    QVector<int> starts{begin};
    for (int i = begin; i < end; ++i) {
        if (text.at(i) == QLatin1Char('\n'))
            starts << i + 1;
    }
    return starts;
}

QStringView line(const QString &text, const QVector<int> &starts, int i, int end)
{
    const int stop = i + 1 < starts.size() ? starts[i + 1] : end;
    return QStringView(text).mid(starts[i], stop - starts[i]);
}

} // namespace

QVector<TextReplacement> textPatch(const QString &from, const QString &to)
{
    const int shorter = int(qMin(from.size(), to.size()));
    int head = int(std::mismatch(from.cbegin(), from.cbegin() + shorter, to.cbegin()).first -
                   from.cbegin());
    if (head == from.size() && head == to.size())
        return {};
    int tail =
        int(std::mismatch(from.crbegin(), from.crbegin() + (shorter - head), to.crbegin()).first -
            from.crbegin());
    // Widen to whole lines: the head back to a line start, the tail until it starts a
    // line in both texts (the head is common text, so its line start is common too).
    head = head == 0 ? 0 : int(from.lastIndexOf(QLatin1Char('\n'), head - 1)) + 1;
    auto startsLine = [&tail](const QString &text) {
        return tail == text.size() || text.at(text.size() - tail - 1) == QLatin1Char('\n');
    };
    while (tail > 0 && !(startsLine(from) && startsLine(to)))
        --tail;
    const int fromEnd = int(from.size()) - tail;
    const int toEnd = int(to.size()) - tail;

    const QVector<int> a = lineStarts(from, head, fromEnd);
    const QVector<int> b = lineStarts(to, head, toEnd);
    if (a.size() != b.size())
        return {{head, fromEnd - head, to.mid(head, toEnd - head)}};
    QVector<TextReplacement> out;
    for (int i = int(a.size()) - 1; i >= 0; --i) {
        // Group runs of changed lines (walking backwards) into one replacement.
        if (line(from, a, i, fromEnd) == line(to, b, i, toEnd))
            continue;
        int first = i;
        while (first > 0 && line(from, a, first - 1, fromEnd) != line(to, b, first - 1, toEnd))
            --first;
        const int fromStop = i + 1 < a.size() ? a[i + 1] : fromEnd;
        const int toStop = i + 1 < b.size() ? b[i + 1] : toEnd;
        out.append({a[first], fromStop - a[first], to.mid(b[first], toStop - b[first])});
        i = first;
    }
    return out;
}

} // namespace mc
