#include "derive.h"

#include "inflection.h"

// The small public helpers of derive.h that do not replay Sequelize.

namespace mc {

EffectiveOptions effectiveOptions(const ModelOptions &global, const ModelOptions *model)
{
    EffectiveOptions e;
    auto pick = [&](std::optional<bool> ModelOptions::*k, bool dflt) {
        if (model && (model->*k))
            return *(model->*k);
        return (global.*k).value_or(dflt);
    };
    e.underscored = pick(&ModelOptions::underscored, false);
    e.timestamps = pick(&ModelOptions::timestamps, true);
    e.freezeTableName = pick(&ModelOptions::freezeTableName, false);
    e.paranoid = pick(&ModelOptions::paranoid, false);
    auto name = [&](TimestampName ModelOptions::*k, const QString &dflt) {
        const TimestampName &t = (model && (model->*k).present) ? model->*k : global.*k;
        if (!t.present)
            return dflt;
        return t.disabled ? QString() : t.name;
    };
    e.createdAt = name(&ModelOptions::createdAt, QStringLiteral("createdAt"));
    e.updatedAt = name(&ModelOptions::updatedAt, QStringLiteral("updatedAt"));
    e.deletedAt = name(&ModelOptions::deletedAt, QStringLiteral("deletedAt"));
    return e;
}

QString derivedTableName(const Model &model, const EffectiveOptions &opts)
{
    if (model.tableName && !model.tableName->isEmpty())
        return *model.tableName;
    if (opts.freezeTableName)
        return model.name;
    const QString plural = pluralize(model.name);
    return opts.underscored ? underscore(plural) : plural;
}

int DerivedTable::columnIndexByAttribute(const QString &attribute) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns[i].attribute == attribute)
            return i;
    }
    return -1;
}

int DerivedTable::columnIndexByName(const QString &column) const
{
    for (int i = 0; i < columns.size(); ++i) {
        if (columns[i].column == column)
            return i;
    }
    return -1;
}

int DerivedSchema::tableIndexByName(const QString &table) const
{
    return m_tableByName.value(table, -1);
}

int DerivedSchema::tableIndexByModel(const QString &model) const
{
    return m_tableByModel.value(model, -1);
}

} // namespace mc
