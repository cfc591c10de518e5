#pragma once

#include "domain/schema.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace mc {

enum class ColumnOrigin { ImplicitId, Declared, Timestamp, ForeignKey };

/// A column of a derived table, as Sequelize's rawAttributes hold it after every
/// association has been applied (spec §2-§6).
struct DerivedColumn
{
    QString attribute; ///< attribute name (camelCase even when underscored)
    QString column;    ///< column name (`field`)
    DataType type;
    std::optional<bool> allowNull; ///< as stored on the attribute (absent: nullable column)
    bool primaryKey = false;
    bool autoIncrement = false;
    std::optional<JsonValue> defaultValue;
    bool uniqueInline = false; ///< `unique: true`
    QString uniqueGroup;       ///< named unique (`unique: 'name'`), empty if none
    std::optional<QString> comment;
    ColumnOrigin origin = ColumnOrigin::Declared;
    int associationIndex = -1; ///< association that created the attribute (ForeignKey origin)

    bool hasReference = false;
    QString refTable;  ///< referenced table name
    QString refColumn; ///< referenced column name
    QString refModel;  ///< referenced model name
    QString onDelete;  ///< upper-case action, empty when the clause is omitted
    QString onUpdate;

    bool notNull() const { return allowNull.has_value() && !*allowNull; }
};

/// A unique constraint spanning several columns (or a named one), or a model index.
struct DerivedIndex
{
    QString name;
    QStringList columns;
    bool unique = false;
};

/// A REFERENCES column resolved to the table it points at: what the dependency
/// analysis walks, so that it never reads the columns themselves.
struct TableReference
{
    int column = -1; ///< index in DerivedTable::columns
    int table = -1;  ///< index of the referenced table in DerivedSchema::tables
};

/// A table Sequelize would create: one per model, plus junctions made from a
/// `through` string.
struct DerivedTable
{
    QString model;         ///< model name (the `through` string for a created junction)
    QString table;         ///< table name
    int modelIndex = -1;   ///< index in Schema::models, -1 for a created junction
    bool junction = false; ///< used as `through` by some belongsToMany
    QVector<DerivedColumn> columns;
    QStringList primaryKey;        ///< column names in key order
    QVector<DerivedIndex> uniques; ///< named/composite unique constraints
    QVector<DerivedIndex> indexes; ///< model `indexes` (unique or not)
    /// Columns whose REFERENCES names a derived table, in column order.
    QVector<TableReference> references;

    int columnIndexByAttribute(const QString &attribute) const;
    int columnIndexByName(const QString &column) const;
};

/// What Sequelize resolved for one association call.
struct ResolvedAssociation
{
    int index = -1;
    AssociationType type = AssociationType::BelongsTo;
    QString source;
    QString target;
    QString as;       ///< the key in source.associations
    QString singular; ///< name.singular
    QString plural;   ///< name.plural (empty for belongsTo/hasOne)
    QString foreignKey;
    QString identifierField;
    QString sourceKey;
    QString targetKey;
    QString otherKey;
    QString otherKeyField;
    QString through;       ///< junction model name
    QString throughTable;  ///< junction table name
    QString holderTable;   ///< table holding foreignKey (junction for belongsToMany)
    QStringList accessors; ///< methods this association defined (first claim wins)
    QStringList shadowed;  ///< method names it wanted but an earlier claim kept
    bool applied = false;  ///< false when definition stopped before it
};

/// An error Sequelize throws while the models and associations are defined.
struct DefineError
{
    QString message; ///< Sequelize's text, verbatim
    QString path;    ///< JSON path of the offending model/attribute/association
    int modelIndex = -1;
    int associationIndex = -1;
};

/// Everything Sequelize derives from a declared schema.
struct DerivedSchema
{
    QVector<DerivedTable> tables; ///< definition order; junctions where created
    /// Accessors per model (models and created junctions, definition order).
    QVector<QPair<QString, QStringList>> accessors;
    QVector<ResolvedAssociation> associations; ///< one per Schema::associations entry
    std::optional<DefineError> error;

    int tableIndexByName(const QString &table) const;
    int tableIndexByModel(const QString &model) const;
    QHash<QString, int> m_tableByName;
    QHash<QString, int> m_tableByModel;
};

} // namespace mc

// Qt moves these with memmove when a vector shifts (an association inserted in the
// middle of 20,000 moves half of them).
Q_DECLARE_TYPEINFO(mc::DerivedColumn, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(mc::DerivedIndex, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(mc::TableReference, Q_PRIMITIVE_TYPE);
Q_DECLARE_TYPEINFO(mc::DerivedTable, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(mc::ResolvedAssociation, Q_RELOCATABLE_TYPE);

namespace mc {

/// Derives tables, FK columns, junctions, accessors and define errors (spec §10).
DerivedSchema derive(const Schema &schema);

/// Effective value of a model option (model's own, else global, else Sequelize's default).
struct EffectiveOptions
{
    bool underscored = false;
    bool timestamps = true;
    bool freezeTableName = false;
    bool paranoid = false;
    QString createdAt = QStringLiteral("createdAt"); ///< empty: disabled
    QString updatedAt = QStringLiteral("updatedAt");
    QString deletedAt = QStringLiteral("deletedAt");
};
EffectiveOptions effectiveOptions(const ModelOptions &global, const ModelOptions *model);

/// The table name Sequelize gives a declared model (spec §2).
QString derivedTableName(const Model &model, const EffectiveOptions &opts);

} // namespace mc
