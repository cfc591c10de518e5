#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace mc {

/// One argument of a type string: a quoted string (value unescaped) or a number
/// (its lexeme).
struct TypeArg
{
    bool quoted = false;
    QString text;
    bool operator==(const TypeArg &o) const { return quoted == o.quoted && text == o.text; }
};

/// A parsed modelcanvas/1 type string (file-format §5): `NAME{.MODIFIER}[(args)]`.
class DataType
{
public:
    DataType() = default;
    explicit DataType(const QString &name) : m_name(name) {}

    /// Parses a type string; on failure returns nullopt and sets *error to a plain
    /// message (`unknown type "VARCHARR"`).
    static std::optional<DataType> parse(const QString &text, QString *error = nullptr);

    const QString &name() const { return m_name; }
    const QStringList &modifiers() const { return m_modifiers; }
    const QVector<TypeArg> &args() const { return m_args; }
    bool hasModifier(const QString &m) const { return m_modifiers.contains(m); }

    void setModifiers(const QStringList &m) { m_modifiers = m; }
    void setArgs(const QVector<TypeArg> &a) { m_args = a; }

    /// Canonical spelling: no spaces, `''` inside quotes (`ENUM('a','b')`).
    QString toString() const;

    bool isInteger() const; ///< INTEGER, BIGINT, SMALLINT, TINYINT, MEDIUMINT
    bool isEnum() const { return m_name == QLatin1String("ENUM"); }
    /// Quoted argument values (ENUM values).
    QStringList stringArgs() const;

    bool operator==(const DataType &o) const
    {
        return m_name == o.m_name && m_modifiers == o.m_modifiers && m_args == o.m_args;
    }
    bool operator!=(const DataType &o) const { return !(*this == o); }

    /// All type names of file-format §5.2.
    static const QStringList &knownNames();

    /// Checks the arguments against the type (file-format §5.2): STRING/CHAR/DATE take
    /// at most one whole number, DECIMAL/FLOAT/DOUBLE/REAL one or two, TEXT/BLOB one
    /// size ('tiny', 'medium', 'long'), ENUM one or more quoted values, others none.
    /// parse() applies it; on failure *error gets a plain message.
    static bool checkArgs(const DataType &t, QString *error = nullptr);

private:
    QString m_name;
    QStringList m_modifiers;
    QVector<TypeArg> m_args;
};

} // namespace mc
