#pragma once

#include <QString>

#include <vector>

namespace mc {

/// An order-preserving JSON value. Unlike QJsonValue it keeps object key order,
/// keeps each number's original spelling (so `1.0` is written back as `1.0`), and
/// is produced by a parser that rejects duplicate keys (see JsonParser).
class JsonValue
{
public:
    enum class Kind { Null, Bool, Number, String, Array, Object };

    JsonValue() = default;
    static JsonValue null() { return JsonValue(); }
    static JsonValue boolean(bool b);
    static JsonValue number(QString lexeme);
    /// Shortest round-trip spelling (`42`, `0.1`); NaN and infinities give null.
    static JsonValue number(double value);
    static JsonValue string(QString s);
    static JsonValue array();
    static JsonValue object();

    Kind kind() const { return m_kind; }
    bool isNull() const { return m_kind == Kind::Null; }
    bool isBool() const { return m_kind == Kind::Bool; }
    bool isNumber() const { return m_kind == Kind::Number; }
    bool isString() const { return m_kind == Kind::String; }
    bool isArray() const { return m_kind == Kind::Array; }
    bool isObject() const { return m_kind == Kind::Object; }

    bool toBool() const { return m_bool; }
    /// String value, or the number's lexeme as written in the source.
    const QString &text() const { return m_text; }
    /// The number's value; *ok is false for non-numbers and for lexemes whose
    /// magnitude overflows a double (`1e999`), which are kept but not usable.
    double toDouble(bool *ok = nullptr) const;

    // Arrays
    const std::vector<JsonValue> &items() const { return m_items; }
    void append(JsonValue v) { m_items.push_back(std::move(v)); }

    // Objects: keys() and items() are parallel, in source order.
    const std::vector<QString> &keys() const { return m_keys; }
    /// Appends a member, or replaces the value of an existing key in place.
    void insert(const QString &key, JsonValue v);
    /// Appends a member without looking for an existing key (the caller ensures
    /// keys are unique, as the parser does); constant time.
    void appendMember(QString key, JsonValue v)
    {
        m_keys.push_back(std::move(key));
        m_items.push_back(std::move(v));
    }
    /// Makes room for \a n elements (and, for objects, keys) before appending them.
    void reserve(size_t n)
    {
        m_items.reserve(n);
        if (m_kind == Kind::Object)
            m_keys.reserve(n);
    }
    const JsonValue *find(const QString &key) const;
    int size() const { return int(m_items.size()); }

    /// Structural equality; numbers compare by lexeme, objects by keys in order.
    bool operator==(const JsonValue &o) const;
    bool operator!=(const JsonValue &o) const { return !(*this == o); }

    /// Short description for messages: `string "yes"`, `number 3`, `true`, `an array`.
    QString describe() const;

    /// Compact JSON (`{"a": 1, "b": [1, 2]}`), keys in stored order.
    QString toCompactJson() const;

private:
    Kind m_kind = Kind::Null;
    bool m_bool = false;
    QString m_text;
    std::vector<QString> m_keys;
    std::vector<JsonValue> m_items;
};

/// Escapes a string as a JSON string literal, quotes included.
QString jsonQuote(const QString &s);

/// True when \a s is a number as RFC 8259 spells it (`-1.5e3`, not `01` or `.5`).
bool isJsonNumberLexeme(const QString &s);

/// Appends an object key to a diagnostic JSON path: `models[0]` + `name` gives
/// `models[0].name`; keys that are not plain words are quoted (`x["a b"]`).
QString jsonPathKey(const QString &path, const QString &key);
/// Appends an array index to a diagnostic JSON path (`models` + 2 gives `models[2]`).
QString jsonPathIndex(const QString &path, int index);

} // namespace mc
