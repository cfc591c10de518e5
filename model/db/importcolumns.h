#pragma once

#include "db/catalogjson.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace mc {

/// The attribute properties that make one catalog column, as the importer declares it.
struct ColumnSpec
{
    DataType type;
    std::optional<bool> allowNull; ///< false when NOT NULL must be written
    std::optional<JsonValue> defaultValue;
    bool autoIncrement = false;
    bool exact = true;    ///< rendering the spec gives the catalog's column back
    QStringList problems; ///< why not exact, for warnings (one per lost detail)
};

/// Finds the file-format attribute (type string, allowNull, literal default) whose
/// catalog rendering in \a dialect equals column \a index of \a table, trying the
/// spellings catalogTable() can produce rather than guessing: a catalog type maps
/// back only where the round trip is exact. Otherwise the closest spec, with problems.
class ColumnMatcher
{
public:
    /// \a enumLabels: PostgreSQL ENUM labels by type name (see importCatalog()).
    explicit ColumnMatcher(Dialect dialect, QHash<QString, QStringList> enumLabels = {})
        : m_dialect(dialect), m_enumLabels(std::move(enumLabels))
    {}

    ColumnSpec match(const CatalogTable &table, int index);

    /// What catalogTable() reports for one column declared as \a spec (primary key
    /// status and table name taken from \a table); `collation` and `check` get the
    /// MariaDB-only extras for it.
    CatalogColumn render(const CatalogTable &table, const CatalogColumn &column,
                         const ColumnSpec &spec, QString *collation = nullptr,
                         QString *check = nullptr) const;

    /// The implicit `id` Sequelize adds, as this dialect's catalog reports it.
    bool isImplicitId(const CatalogTable &table, int index) const;
    /// A `createdAt`-style column: DATE, NOT NULL unless \a nullable, no default.
    bool isTimestamp(const CatalogTable &table, int index, bool nullable) const;

private:
    QVector<DataType> typeCandidates(const CatalogTable &table, const CatalogColumn &c) const;
    QVector<std::optional<JsonValue>> defaultCandidates(const CatalogColumn &c,
                                                        const DataType &type) const;
    bool sameAs(const CatalogTable &table, const CatalogColumn &c, const ColumnSpec &spec) const;

    /// The labels of the ENUM type PostgreSQL created for this column, if known.
    const QStringList *enumLabelsOf(const CatalogTable &table, const CatalogColumn &c) const;

    Dialect m_dialect;
    QHash<QString, QStringList> m_enumLabels;
    QHash<QString, QVector<DataType>> m_typeCache; ///< catalog spelling -> exact types
};

} // namespace mc
