#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

class QGraphicsItem;

namespace mc {

/// Colours, fonts and metrics of the canvas, taken from the palette so that the
/// diagram reads on light and dark themes alike. The colours are mixed once per
/// palette (the scene keeps one), not on every paint.
class CanvasStyle
{
public:
    explicit CanvasStyle(const QPalette &palette = QPalette());

    /// The style of the scene \a item is in (a default one outside a CanvasScene).
    static const CanvasStyle &of(const QGraphicsItem *item);

    QColor background() const { return m_background; }
    QColor gridDot() const { return m_gridDot; }
    QColor nodeFill() const { return m_nodeFill; }
    QColor headerFill() const { return m_headerFill; }
    QColor junctionHeaderFill() const { return m_junctionHeaderFill; }
    QColor border() const { return m_border; }
    QColor text() const { return m_text; }
    QColor mutedText() const { return m_mutedText; }
    QColor accent() const { return m_accent; }
    /// Derived FK columns: the link colour, readable on the node fill.
    QColor derived() const { return m_derived; }
    QColor edge() const { return m_edge; }
    QColor labelFill() const { return m_background; }
    /// Cycles: an orange that keeps its contrast on white and on near-black.
    static QColor warning() { return QColor(0xE0, 0x6C, 0x00); }
    QColor warningFill() const { return m_warningFill; }

    static QFont titleFont();
    static QFont bodyFont();
    static QFont smallFont();

    static constexpr qreal radius = 6;
    static constexpr qreal padding = 8;
    static constexpr qreal handleRadius = 5;
    /// Below this scale nodes paint as named boxes and edges as bare lines.
    static constexpr qreal detailThreshold = 0.45;
    /// Below this scale only the named boxes are drawn (no edges): the overview.
    static constexpr qreal overviewThreshold = 0.12;

    static QColor mix(const QColor &a, const QColor &b, qreal t);

private:
    QColor m_background;
    QColor m_gridDot;
    QColor m_nodeFill;
    QColor m_headerFill;
    QColor m_junctionHeaderFill;
    QColor m_border;
    QColor m_text;
    QColor m_mutedText;
    QColor m_accent;
    QColor m_derived;
    QColor m_edge;
    QColor m_warningFill;
};

} // namespace mc
