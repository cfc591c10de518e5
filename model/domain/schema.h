#pragma once

#include "datatype.h"
#include "jsonvalue.h"

#include <QPointF>
#include <QString>
#include <QVector>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace mc {

/// `x-` keys of one JSON object, in source order, preserved verbatim.
using Extensions = std::vector<std::pair<QString, JsonValue>>;

/// `createdAt`/`updatedAt`/`deletedAt` option: absent, `false`, or a new name.
struct TimestampName
{
    bool present = false;
    bool disabled = false; ///< written as `false`
    QString name;          ///< when present and not disabled
    bool operator==(const TimestampName &o) const
    {
        return present == o.present && disabled == o.disabled && name == o.name;
    }
};

/// Sequelize `define` options (global `options` or a model's own `options`).
/// Every key keeps whether it was written, so a save reproduces the file.
struct ModelOptions
{
    std::optional<bool> underscored;
    std::optional<bool> timestamps;
    std::optional<bool> freezeTableName;
    std::optional<bool> paranoid;
    TimestampName createdAt;
    TimestampName updatedAt;
    TimestampName deletedAt;
    Extensions extensions;
};

/// `unique` of an attribute: absent, `true`/`false`, or a group name.
struct UniqueSpec
{
    enum class Kind { Absent, Bool, Group };
    Kind kind = Kind::Absent;
    bool flag = false;
    QString group;
    bool isUnique() const { return (kind == Kind::Bool && flag) || kind == Kind::Group; }
};

/// One declared attribute (`models[].attributes[]`), or the attribute part of a
/// `foreignKey`/`otherKey` object (where `name` may be absent and `type` optional).
struct Attribute
{
    QString name;
    bool hasName = true;           ///< false only in a foreignKey object without `name`
    std::optional<DataType> type;  ///< always set for declared attributes
    std::optional<bool> allowNull; ///< three states: omitted is not `true` (file-format §8)
    std::optional<bool> primaryKey;
    std::optional<bool> autoIncrement;
    UniqueSpec unique;
    std::optional<JsonValue> defaultValue; ///< string, number or boolean
    std::optional<QString> field;
    std::optional<QString> comment;
    Extensions extensions;

    bool isPrimaryKey() const { return primaryKey.value_or(false); }
};

/// A value kept on the heap and copied deeply. Rare, large parts (the attribute of
/// a `foreignKey` object) live there so that the structs a document holds by the
/// ten thousand stay small and cheap to move. Reads of an empty box see a
/// default-constructed value.
template <typename T> class Boxed
{
public:
    Boxed() = default;
    Boxed(const Boxed &o) : m_value(o.m_value ? std::make_unique<T>(*o.m_value) : nullptr) {}
    Boxed(Boxed &&) noexcept = default;
    Boxed &operator=(const Boxed &o)
    {
        if (this != &o)
            m_value = o.m_value ? std::make_unique<T>(*o.m_value) : nullptr;
        return *this;
    }
    Boxed &operator=(Boxed &&) noexcept = default;
    Boxed &operator=(T value)
    {
        m_value = std::make_unique<T>(std::move(value));
        return *this;
    }
    ~Boxed() = default;

    const T &operator*() const { return m_value ? *m_value : empty(); }
    const T *operator->() const { return &**this; }
    /// The value to modify, created on first use.
    T &edit()
    {
        if (!m_value)
            m_value = std::make_unique<T>();
        return *m_value;
    }

private:
    static const T &empty()
    {
        static const T value;
        return value;
    }
    std::unique_ptr<T> m_value;
};

/// One entry of a model's `indexes`.
struct IndexSpec
{
    QStringList fields;
    std::optional<bool> unique;
    std::optional<QString> name;
    Extensions extensions;
};

/// One declared model (`models[]`).
struct Model
{
    QString name;
    std::optional<QString> tableName; ///< nullopt: derived (written as null)
    bool tableNameWritten = true;     ///< false when the key was absent
    ModelOptions options;
    bool hasOptions = false; ///< the `options` object was written
    QVector<Attribute> attributes;
    std::optional<QVector<IndexSpec>> indexes;
    std::optional<QPointF> position;
    Extensions extensions;
    Extensions positionExtensions; ///< `x-` keys inside `position`
};

enum class AssociationType { BelongsTo, HasOne, HasMany, BelongsToMany };

QString associationTypeName(AssociationType t); ///< "belongsTo", ...
std::optional<AssociationType> associationTypeFromName(const QString &s);

/// `as`: absent, a string, or `{singular, plural}`.
struct AliasSpec
{
    enum class Kind { Absent, String, Object };
    Kind kind = Kind::Absent;
    QString name;          ///< Kind::String
    QString singular;      ///< Kind::Object
    QString plural;        ///< Kind::Object
    Extensions extensions; ///< x- keys inside the object form
};

/// `foreignKey`/`otherKey`: absent, a string, or an attribute-definition object.
struct KeySpec
{
    enum class Kind { Absent, String, Object };
    Kind kind = Kind::Absent;
    QString name;               ///< Kind::String
    Boxed<Attribute> attribute; ///< Kind::Object (attribute->hasName: whether `name` was given)

    bool isSet() const { return kind != Kind::Absent; }
    /// The attribute name the spec gives, or an empty string for the default.
    QString explicitName() const
    {
        if (kind == Kind::String)
            return name;
        if (kind == Kind::Object && attribute->hasName)
            return attribute->name;
        return QString();
    }
};

/// One association call (`associations[]`): `source.<type>(target, options)`.
struct Association
{
    AssociationType type = AssociationType::BelongsTo;
    QString source;
    QString target;
    AliasSpec as;
    KeySpec foreignKey;
    std::optional<QString> sourceKey;
    std::optional<QString> targetKey;
    KeySpec otherKey;
    std::optional<QString> through;
    std::optional<bool> constraints;
    std::optional<bool> foreignKeyConstraint;
    std::optional<QString> onDelete;
    std::optional<QString> onUpdate;
    Extensions extensions;
};

/// The declared schema: one modelcanvas/1 document. Derived things (FK columns,
/// junctions, accessors, order) are never stored here; see rules/derive.h.
struct Schema
{
    ModelOptions options;
    bool hasOptions = false;
    QVector<Model> models;
    QVector<Association> associations;
    std::optional<JsonValue> view;   ///< editor state, kept verbatim
    std::optional<JsonValue> layout; ///< editor state, kept verbatim
    Extensions extensions;

    int modelIndex(const QString &name) const; ///< -1 when absent
};

} // namespace mc

// Qt moves these with memmove when a vector shifts: inserting an association in
// the middle of 20,000 would otherwise move-assign 10,000 of them one by one.
// (Their members are Qt containers, std::vector, std::optional and unique_ptr,
// none of which point into themselves.)
Q_DECLARE_TYPEINFO(mc::Attribute, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(mc::Association, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(mc::Model, Q_RELOCATABLE_TYPE);
