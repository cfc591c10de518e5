#include "canvasstyle.h"

#include "canvasscene.h"

#include <QApplication>
#include <QGraphicsItem>

namespace mc {

CanvasStyle::CanvasStyle(const QPalette &palette)
    : m_background(palette.color(QPalette::Base)), m_nodeFill(palette.color(QPalette::Window)),
      m_text(palette.color(QPalette::WindowText)), m_accent(palette.color(QPalette::Highlight)),
      m_derived(palette.color(QPalette::Link))
{
    m_gridDot = mix(m_background, m_text, 0.3);
    m_headerFill = mix(m_nodeFill, m_accent, 0.18);
    m_junctionHeaderFill = mix(m_nodeFill, m_text, 0.08);
    m_border = mix(m_nodeFill, m_text, 0.35);
    m_mutedText = mix(m_nodeFill, m_text, 0.55);
    m_edge = mix(m_background, m_text, 0.6);
    m_warningFill = mix(m_nodeFill, warning(), 0.16);
}

const CanvasStyle &CanvasStyle::of(const QGraphicsItem *item)
{
    if (auto *scene = qobject_cast<CanvasScene *>(item->scene()))
        return scene->style();
    static const CanvasStyle fallback;
    return fallback;
}

QFont CanvasStyle::titleFont()
{
    QFont f = QApplication::font();
    f.setBold(true);
    return f;
}

QFont CanvasStyle::bodyFont()
{
    return QApplication::font();
}

QFont CanvasStyle::smallFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    return f;
}

QColor CanvasStyle::mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                            a.greenF() + (b.greenF() - a.greenF()) * t,
                            a.blueF() + (b.blueF() - a.blueF()) * t);
}

} // namespace mc
