#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace mc {

/// Colours the DDL the generator writes: keywords, type names, quoted identifiers
/// ("..." and `...`), string literals ('...' with '' escapes), numbers and comments
/// (-- and /* */, which may span lines). A hand-written scanner rather than regular
/// expressions: one pass per line keeps a script of thousands of tables cheap.
class SqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Token { Keyword, Type, Identifier, String, Number, Comment };

    explicit SqlHighlighter(QTextDocument *document);

    /// Picks colours that read well on a dark (true) or light (false) background.
    void setDarkBackground(bool dark);
    bool darkBackground() const { return m_dark; }
    QTextCharFormat format(Token token) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    // Block states: what a line ends inside of, so the next one continues it.
    enum State { Normal = -1, InComment = 1, InString, InDoubleQuoted, InBackQuoted };

    int scanQuoted(const QString &text, int from, QChar quote) const;
    int scanWord(const QString &text, int from);
    void buildFormats();

    bool m_dark = false;
    QTextCharFormat m_formats[6];
};

} // namespace mc
