#pragma once

#include "domain/jsonvalue.h"

#include <QPointF>

#include <optional>

namespace mc {

/// The canvas's zoom and centre as the file keeps them in the top-level `view`:
/// `{"zoom": 1.5, "center": {"x": 10, "y": 20}}`. Other keys of \a view (x- keys,
/// another editor's) are kept in place.
JsonValue withViewState(std::optional<JsonValue> view, double zoom, const QPointF &centre);

/// Reads what withViewState() wrote; false (and nothing set) when \a view lacks it.
bool readViewState(const std::optional<JsonValue> &view, double *zoom, QPointF *centre);

} // namespace mc
