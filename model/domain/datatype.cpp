#include "datatype.h"

namespace mc {

namespace {

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

bool isWordChar(QChar c)
{
    return (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
}

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

/// Shows a piece of the input in a message, shortened when long.
QString quoted(const QString &s)
{
    const QString shown = s.size() > 40 ? s.left(40) + QLatin1String("...") : s;
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

/// Recursive-descent reader for the grammar of file-format §5.1.
class TypeParser
{
public:
    explicit TypeParser(const QString &text) : m_s(text) {}
    std::optional<DataType> run(QString *error);

private:
    void skipSpaces()
    {
        while (m_pos < m_s.size() && isSpace(m_s.at(m_pos)))
            ++m_pos;
    }
    bool atEnd() const { return m_pos >= m_s.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_s.at(m_pos); }
    QString word();
    bool readName(DataType &t);
    bool readModifier(DataType &t);
    bool readArgs(DataType &t);
    bool readQuoted(TypeArg &arg);
    bool readNumber(TypeArg &arg);
    bool failMsg(const QString &m)
    {
        m_error = m;
        return false;
    }

    const QString &m_s;
    int m_pos = 0;
    QString m_error;
};

QString TypeParser::word()
{
    const int start = m_pos;
    while (m_pos < m_s.size() && isWordChar(m_s.at(m_pos)))
        ++m_pos;
    return m_s.mid(start, m_pos - start);
}

std::optional<DataType> TypeParser::run(QString *error)
{
    DataType t;
    bool ok = readName(t);
    while (ok) {
        skipSpaces();
        if (peek() != QLatin1Char('.'))
            break;
        ++m_pos;
        ok = readModifier(t);
    }
    if (ok && peek() == QLatin1Char('('))
        ok = readArgs(t);
    if (ok) {
        skipSpaces();
        if (peek() == QLatin1Char('.'))
            ok = failMsg(QStringLiteral("modifiers must come before the argument list"));
        else if (!atEnd())
            ok =
                failMsg(QStringLiteral("unexpected %1 after the type").arg(quoted(m_s.mid(m_pos))));
    }
    if (ok) {
        QString shapeError;
        if (!DataType::checkArgs(t, &shapeError))
            ok = failMsg(shapeError);
    }
    if (!ok) {
        if (error)
            *error = m_error;
        return std::nullopt;
    }
    return t;
}

bool TypeParser::readName(DataType &t)
{
    skipSpaces();
    if (atEnd())
        return failMsg(QStringLiteral("empty type string"));
    const QString name = word();
    if (name.isEmpty())
        return failMsg(
            QStringLiteral("expected a type name, found %1").arg(quoted(m_s.mid(m_pos))));
    if (!DataType::knownNames().contains(name)) {
        if (DataType::knownNames().contains(name.toUpper()))
            return failMsg(QStringLiteral("type names are upper case: write \"%1\", not \"%2\"")
                               .arg(name.toUpper(), name));
        return failMsg(QStringLiteral("unknown type %1").arg(quoted(name)));
    }
    t = DataType(name);
    return true;
}

bool TypeParser::readModifier(DataType &t)
{
    skipSpaces();
    const QString m = word();
    if (m.isEmpty())
        return failMsg(QStringLiteral("expected a modifier after '.'"));
    const QString upper = m.toUpper();
    const bool known = upper == QLatin1String("UNSIGNED") || upper == QLatin1String("BINARY");
    if (!known)
        return failMsg(QStringLiteral("unknown modifier %1").arg(quoted(m)));
    if (m != upper)
        return failMsg(
            QStringLiteral("modifiers are upper case: write \"%1\", not \"%2\"").arg(upper, m));
    const bool applies = m == QLatin1String("UNSIGNED") ? t.isInteger()
                                                        : (t.name() == QLatin1String("STRING") ||
                                                           t.name() == QLatin1String("CHAR"));
    if (!applies)
        return failMsg(QStringLiteral("modifier %1 does not apply to %2").arg(m, t.name()));
    if (t.hasModifier(m))
        return failMsg(QStringLiteral("modifier %1 given twice").arg(m));
    t.setModifiers(t.modifiers() + QStringList{m});
    return true;
}

bool TypeParser::readArgs(DataType &t)
{
    ++m_pos; // '('
    QVector<TypeArg> args;
    skipSpaces();
    if (peek() == QLatin1Char(')'))
        return failMsg(QStringLiteral("empty parentheses: write %1 without \"()\"").arg(t.name()));
    for (;;) {
        skipSpaces();
        TypeArg arg;
        const QChar c = peek();
        bool ok;
        if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
            ok = readQuoted(arg);
        else if (c == QLatin1Char('-') || isDigit(c))
            ok = readNumber(arg);
        else if (atEnd())
            ok = failMsg(QStringLiteral("missing ')'"));
        else
            ok =
                failMsg(QStringLiteral("expected a quoted string or a number as argument, found %1")
                            .arg(quoted(m_s.mid(m_pos))));
        if (!ok)
            return false;
        args.append(arg);
        skipSpaces();
        if (peek() == QLatin1Char(',')) {
            ++m_pos;
            continue;
        }
        if (peek() == QLatin1Char(')')) {
            ++m_pos;
            break;
        }
        if (atEnd())
            return failMsg(QStringLiteral("missing ')'"));
        return failMsg(QStringLiteral("expected ',' or ')' after an argument, found %1")
                           .arg(quoted(m_s.mid(m_pos))));
    }
    t.setArgs(args);
    return true;
}

bool TypeParser::readQuoted(TypeArg &arg)
{
    const QChar q = m_s.at(m_pos++);
    arg.quoted = true;
    while (!atEnd()) {
        const QChar c = m_s.at(m_pos);
        if (c == QLatin1Char('\\')) {
            if (m_pos + 1 >= m_s.size())
                break;
            arg.text += c; // a backslash pair is kept as written (file-format §5.1)
            arg.text += m_s.at(m_pos + 1);
            m_pos += 2;
        } else if (c == q) {
            if (q == QLatin1Char('\'') && m_pos + 1 < m_s.size() &&
                m_s.at(m_pos + 1) == QLatin1Char('\'')) {
                arg.text += q;
                m_pos += 2;
            } else {
                ++m_pos;
                return true;
            }
        } else {
            arg.text += c;
            ++m_pos;
        }
    }
    return failMsg(QStringLiteral("unterminated quoted argument"));
}

bool TypeParser::readNumber(TypeArg &arg)
{
    const int start = m_pos;
    if (peek() == QLatin1Char('-'))
        ++m_pos;
    if (!isDigit(peek()))
        return failMsg(QStringLiteral("invalid number %1").arg(quoted(m_s.mid(start))));
    while (isDigit(peek()))
        ++m_pos;
    if (peek() == QLatin1Char('.')) {
        ++m_pos;
        if (!isDigit(peek()))
            return failMsg(QStringLiteral("invalid number %1").arg(quoted(m_s.mid(start))));
        while (isDigit(peek()))
            ++m_pos;
    }
    arg.quoted = false;
    arg.text = m_s.mid(start, m_pos - start);
    return true;
}

bool isWholeNumber(const TypeArg &a)
{
    if (a.quoted || a.text.isEmpty())
        return false;
    for (const QChar c : a.text) {
        if (!isDigit(c))
            return false;
    }
    return true;
}

} // namespace

std::optional<DataType> DataType::parse(const QString &text, QString *error)
{
    return TypeParser(text).run(error);
}

bool DataType::checkArgs(const DataType &t, QString *error)
{
    const QString &n = t.name();
    const QVector<TypeArg> &args = t.args();
    auto fail = [&](const QString &m) {
        if (error)
            *error = m;
        return false;
    };
    auto allNumbers = [&](const QString &what) {
        for (const TypeArg &a : args) {
            if (!isWholeNumber(a))
                return fail(QStringLiteral("%1 takes %2, got %3")
                                .arg(n, what,
                                     a.quoted ? QStringLiteral("a quoted argument")
                                              : QStringLiteral("%1").arg(a.text)));
        }
        return true;
    };
    if (n == QLatin1String("STRING") || n == QLatin1String("CHAR") || n == QLatin1String("DATE")) {
        const QString what = n == QLatin1String("DATE")
                                 ? QStringLiteral("one whole number (digits)")
                                 : QStringLiteral("one whole number (a length)");
        if (args.size() > 1)
            return fail(
                QStringLiteral("%1 takes %2, got %3 arguments").arg(n, what).arg(args.size()));
        return allNumbers(what);
    }
    if (n == QLatin1String("DECIMAL") || n == QLatin1String("FLOAT") ||
        n == QLatin1String("DOUBLE") || n == QLatin1String("REAL")) {
        const QString what = QStringLiteral("one or two whole numbers (precision, scale)");
        if (args.size() > 2)
            return fail(
                QStringLiteral("%1 takes %2, got %3 arguments").arg(n, what).arg(args.size()));
        return allNumbers(what);
    }
    if (n == QLatin1String("TEXT") || n == QLatin1String("BLOB")) {
        if (args.isEmpty())
            return true;
        const QStringList sizes{QStringLiteral("tiny"), QStringLiteral("medium"),
                                QStringLiteral("long")};
        if (args.size() > 1 || !args[0].quoted || !sizes.contains(args[0].text))
            return fail(QStringLiteral("%1 takes one size: 'tiny', 'medium' or 'long'").arg(n));
        return true;
    }
    if (n == QLatin1String("ENUM")) {
        if (args.isEmpty())
            return fail(QStringLiteral("ENUM needs at least one quoted value: ENUM('a','b')"));
        for (const TypeArg &a : args) {
            if (!a.quoted)
                return fail(QStringLiteral("ENUM values must be quoted: write '%1'").arg(a.text));
        }
        return true;
    }
    if (!args.isEmpty())
        return fail(QStringLiteral("%1 takes no arguments").arg(n));
    return true;
}

static QString quoteArg(const QString &text)
{
    QString out = QStringLiteral("'");
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            // A backslash pair is kept verbatim; a lone trailing backslash is doubled so the
            // closing quote stays a quote.
            out += c;
            out += i + 1 < text.size() ? text.at(++i) : QLatin1Char('\\');
        } else if (c == QLatin1Char('\'')) {
            out += QLatin1String("''");
        } else {
            out += c;
        }
    }
    out += QLatin1Char('\'');
    return out;
}

QString DataType::toString() const
{
    QString s = m_name;
    for (const QString &m : m_modifiers)
        s += QLatin1Char('.') + m;
    if (!m_args.isEmpty()) {
        s += QLatin1Char('(');
        for (int i = 0; i < m_args.size(); ++i) {
            if (i)
                s += QLatin1Char(',');
            s += m_args[i].quoted ? quoteArg(m_args[i].text) : m_args[i].text;
        }
        s += QLatin1Char(')');
    }
    return s;
}

bool DataType::isInteger() const
{
    static const QStringList names{QStringLiteral("INTEGER"), QStringLiteral("BIGINT"),
                                   QStringLiteral("SMALLINT"), QStringLiteral("TINYINT"),
                                   QStringLiteral("MEDIUMINT")};
    return names.contains(m_name);
}

QStringList DataType::stringArgs() const
{
    QStringList out;
    for (const TypeArg &a : m_args) {
        if (a.quoted)
            out.append(a.text);
    }
    return out;
}

const QStringList &DataType::knownNames()
{
    static const QStringList names = {
        QStringLiteral("STRING"),   QStringLiteral("CHAR"),      QStringLiteral("TEXT"),
        QStringLiteral("CITEXT"),   QStringLiteral("INTEGER"),   QStringLiteral("SMALLINT"),
        QStringLiteral("TINYINT"),  QStringLiteral("MEDIUMINT"), QStringLiteral("BIGINT"),
        QStringLiteral("FLOAT"),    QStringLiteral("REAL"),      QStringLiteral("DOUBLE"),
        QStringLiteral("DECIMAL"),  QStringLiteral("BOOLEAN"),   QStringLiteral("DATE"),
        QStringLiteral("DATEONLY"), QStringLiteral("TIME"),      QStringLiteral("UUID"),
        QStringLiteral("JSON"),     QStringLiteral("JSONB"),     QStringLiteral("BLOB"),
        QStringLiteral("ENUM")};
    return names;
}

} // namespace mc
