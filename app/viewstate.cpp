#include "viewstate.h"

namespace mc {

JsonValue withViewState(std::optional<JsonValue> view, double zoom, const QPointF &centre)
{
    JsonValue out = view && view->isObject() ? std::move(*view) : JsonValue::object();
    JsonValue point = JsonValue::object();
    point.insert(QStringLiteral("x"), JsonValue::number(centre.x()));
    point.insert(QStringLiteral("y"), JsonValue::number(centre.y()));
    out.insert(QStringLiteral("zoom"), JsonValue::number(zoom));
    out.insert(QStringLiteral("center"), std::move(point));
    return out;
}

bool readViewState(const std::optional<JsonValue> &view, double *zoom, QPointF *centre)
{
    if (!view || !view->isObject())
        return false;
    const JsonValue *z = view->find(QStringLiteral("zoom"));
    const JsonValue *c = view->find(QStringLiteral("center"));
    const JsonValue *x = c && c->isObject() ? c->find(QStringLiteral("x")) : nullptr;
    const JsonValue *y = c && c->isObject() ? c->find(QStringLiteral("y")) : nullptr;
    bool ok[3] = {false, false, false};
    const double values[3] = {z ? z->toDouble(&ok[0]) : 0, x ? x->toDouble(&ok[1]) : 0,
                              y ? y->toDouble(&ok[2]) : 0};
    if (!ok[0] || !ok[1] || !ok[2] || values[0] <= 0)
        return false;
    *zoom = values[0];
    *centre = QPointF(values[1], values[2]);
    return true;
}

} // namespace mc
