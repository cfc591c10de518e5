#pragma once

#include "nodeitem.h"

namespace mc {

/// A junction table Sequelize creates for belongsToMany: derived, read-only (not
/// movable, never deleted by hand); it comes and goes with its associations and sits
/// between the models it joins.
class JunctionNodeItem : public NodeItem
{
public:
    enum { Type = UserType + 2 };
    explicit JunctionNodeItem(const QString &model);

    int type() const override { return Type; }
    /// The junction model name (the `through` string).
    QString model() const { return m_model; }
    QString accessibleName() const override;

protected:
    bool isJunction() const override { return true; }

private:
    QString m_model;
};

} // namespace mc
