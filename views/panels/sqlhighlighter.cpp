#include "sqlhighlighter.h"

#include <QSet>

namespace mc {

namespace {

// Words of the statements Sequelize's sync() sends (CREATE TABLE, ALTER TABLE, CREATE
// INDEX, PRAGMA, PostgreSQL's DO blocks for ENUM types).
const QSet<QString> &keywords()
{
    static const QSet<QString> words = {
        QStringLiteral("ADD"),
        QStringLiteral("ALTER"),
        QStringLiteral("AS"),
        QStringLiteral("BEGIN"),
        QStringLiteral("BY"),
        QStringLiteral("CASCADE"),
        QStringLiteral("CHARACTER"),
        QStringLiteral("CHECK"),
        QStringLiteral("COLLATE"),
        QStringLiteral("COLUMN"),
        QStringLiteral("COMMENT"),
        QStringLiteral("CONSTRAINT"),
        QStringLiteral("CREATE"),
        QStringLiteral("DEFAULT"),
        QStringLiteral("DELETE"),
        QStringLiteral("DO"),
        QStringLiteral("END"),
        QStringLiteral("ENGINE"),
        QStringLiteral("EXCEPTION"),
        QStringLiteral("EXISTS"),
        QStringLiteral("FOREIGN"),
        QStringLiteral("IF"),
        QStringLiteral("INDEX"),
        QStringLiteral("IS"),
        QStringLiteral("KEY"),
        QStringLiteral("NO"),
        QStringLiteral("NOT"),
        QStringLiteral("NULL"),
        QStringLiteral("OFF"),
        QStringLiteral("ON"),
        QStringLiteral("PRAGMA"),
        QStringLiteral("PRIMARY"),
        QStringLiteral("REFERENCES"),
        QStringLiteral("RESTRICT"),
        QStringLiteral("SET"),
        QStringLiteral("TABLE"),
        QStringLiteral("THEN"),
        QStringLiteral("TYPE"),
        QStringLiteral("UNIQUE"),
        QStringLiteral("UPDATE"),
        QStringLiteral("USING"),
        QStringLiteral("WHEN"),
        QStringLiteral("WITH"),
        QStringLiteral("WITHOUT"),
        QStringLiteral("AUTOINCREMENT"),
        QStringLiteral("AUTO_INCREMENT"),
        QStringLiteral("SERIAL"),
        QStringLiteral("BIGSERIAL"),
        QStringLiteral("TRUE"),
        QStringLiteral("FALSE"),
        QStringLiteral("ACTION"),
    };
    return words;
}

const QSet<QString> &typeNames()
{
    static const QSet<QString> words = {
        QStringLiteral("BIGINT"),     QStringLiteral("BINARY"),    QStringLiteral("BLOB"),
        QStringLiteral("BOOLEAN"),    QStringLiteral("BYTEA"),     QStringLiteral("CHAR"),
        QStringLiteral("CIDR"),       QStringLiteral("DATE"),      QStringLiteral("DATETIME"),
        QStringLiteral("DECIMAL"),    QStringLiteral("DOUBLE"),    QStringLiteral("ENUM"),
        QStringLiteral("FLOAT"),      QStringLiteral("GEOMETRY"),  QStringLiteral("INET"),
        QStringLiteral("INT"),        QStringLiteral("INTEGER"),   QStringLiteral("JSON"),
        QStringLiteral("JSONB"),      QStringLiteral("LONGTEXT"),  QStringLiteral("MEDIUMINT"),
        QStringLiteral("NUMERIC"),    QStringLiteral("PRECISION"), QStringLiteral("REAL"),
        QStringLiteral("SMALLINT"),   QStringLiteral("TEXT"),      QStringLiteral("TIME"),
        QStringLiteral("TIMESTAMP"),  QStringLiteral("TINYINT"),   QStringLiteral("UNSIGNED"),
        QStringLiteral("UUID"),       QStringLiteral("VARBINARY"), QStringLiteral("VARCHAR"),
        QStringLiteral("ZONE"),       QStringLiteral("ZEROFILL"),  QStringLiteral("TINYBLOB"),
        QStringLiteral("MEDIUMBLOB"), QStringLiteral("LONGBLOB"),  QStringLiteral("MEDIUMTEXT"),
        QStringLiteral("TINYTEXT"),   QStringLiteral("CITEXT"),    QStringLiteral("TSVECTOR"),
        QStringLiteral("MACADDR"),    QStringLiteral("VARYING"),   QStringLiteral("HSTORE"),
    };
    return words;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$');
}

} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    buildFormats();
}

void SqlHighlighter::setDarkBackground(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    buildFormats();
    rehighlight();
}

QTextCharFormat SqlHighlighter::format(Token token) const
{
    return m_formats[int(token)];
}

void SqlHighlighter::buildFormats()
{
    // Light: the darker hues of a common IDE scheme; dark: their lighter pastel
    // counterparts. Both keep a contrast above 4.5:1 on a plain background.
    struct Colours
    {
        const char *keyword, *type, *identifier, *string, *number, *comment;
    };
    const Colours light{"#0033b3", "#00627a", "#7a3e9d", "#067d17", "#1750eb", "#6f737a"};
    const Colours dark{"#7aa7ff", "#5fc7d6", "#d3a4f0", "#8fd18a", "#6fb3ff", "#9da3ad"};
    const Colours &c = m_dark ? dark : light;
    const char *colours[] = {c.keyword, c.type, c.identifier, c.string, c.number, c.comment};
    for (int i = 0; i < 6; ++i) {
        m_formats[i] = QTextCharFormat();
        m_formats[i].setForeground(QColor(QLatin1String(colours[i])));
    }
    m_formats[int(Token::Keyword)].setFontWeight(QFont::Bold);
    m_formats[int(Token::Comment)].setFontItalic(true);
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    int i = 0;
    const int n = text.size();
    // Continue what the previous line left open.
    switch (previousBlockState()) {
    case InComment: {
        const int end = text.indexOf(QLatin1String("*/"));
        i = end < 0 ? n : end + 2;
        setFormat(0, i, format(Token::Comment));
        setCurrentBlockState(end < 0 ? InComment : Normal);
        if (end < 0)
            return;
        break;
    }
    case InString:
    case InDoubleQuoted:
    case InBackQuoted: {
        const QChar quote = previousBlockState() == InString         ? QLatin1Char('\'')
                            : previousBlockState() == InDoubleQuoted ? QLatin1Char('"')
                                                                     : QLatin1Char('`');
        i = scanQuoted(text, 0, quote);
        setFormat(0, i, format(quote == QLatin1Char('\'') ? Token::String : Token::Identifier));
        if (i > n) {
            setCurrentBlockState(previousBlockState());
            return;
        }
        break;
    }
    default:
        break;
    }
    setCurrentBlockState(Normal);

    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('-') && text.mid(i, 2) == QLatin1String("--")) {
            setFormat(i, n - i, format(Token::Comment));
            return;
        }
        if (c == QLatin1Char('/') && text.mid(i, 2) == QLatin1String("/*")) {
            const int end = text.indexOf(QLatin1String("*/"), i + 2);
            const int stop = end < 0 ? n : end + 2;
            setFormat(i, stop - i, format(Token::Comment));
            if (end < 0) {
                setCurrentBlockState(InComment);
                return;
            }
            i = stop;
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
            const int stop = scanQuoted(text, i + 1, c);
            setFormat(i, qMin(stop, n) - i,
                      format(c == QLatin1Char('\'') ? Token::String : Token::Identifier));
            if (stop > n) {
                setCurrentBlockState(c == QLatin1Char('\'')  ? InString
                                     : c == QLatin1Char('"') ? InDoubleQuoted
                                                             : InBackQuoted);
                return;
            }
            i = stop;
            continue;
        }
        if (isWordChar(c)) {
            i = scanWord(text, i);
            continue;
        }
        ++i;
    }
}

int SqlHighlighter::scanQuoted(const QString &text, int from, QChar quote) const
{
    // Returns the index after the closing quote, or size() + 1 when the line ends
    // inside the quotes. A doubled quote is an escaped one.
    int i = from;
    const int n = text.size();
    while (i < n) {
        if (text.at(i) == quote) {
            if (i + 1 < n && text.at(i + 1) == quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return n + 1;
}

int SqlHighlighter::scanWord(const QString &text, int from)
{
    int end = from;
    while (end < text.size() && isWordChar(text.at(end)))
        ++end;
    const QString word = text.mid(from, end - from).toUpper();
    if (text.at(from).isDigit())
        setFormat(from, end - from, format(Token::Number));
    else if (keywords().contains(word))
        setFormat(from, end - from, format(Token::Keyword));
    else if (typeNames().contains(word))
        setFormat(from, end - from, format(Token::Type));
    return end;
}

} // namespace mc
