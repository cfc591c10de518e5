#include "canvaslegend.h"

#include "canvasstyle.h"
#include "document/document.h"

#include <QPainter>
#include <QPainterPath>

namespace mc {

namespace {
constexpr int swatch = 26;
constexpr int margin = 8;
} // namespace

CanvasLegend::CanvasLegend(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    connect(document, &Document::analysisChanged, this, &CanvasLegend::refresh);
    connect(document, &Document::documentReset, this, &CanvasLegend::refresh);
    refresh();
}

void CanvasLegend::refresh()
{
    m_cycles = m_document->analysis().cycles.size();
    setAccessibleName(tr("Legend"));
    setAccessibleDescription(lines().join(QStringLiteral("; ")));
    adjustSize();
    update();
}

QStringList CanvasLegend::lines() const
{
    QStringList out{tr("holds the FK"), tr("many / one"), tr("no FK constraint")};
    if (m_cycles > 0)
        out << tr("FK cycle (%n)", nullptr, m_cycles);
    return out;
}

QSize CanvasLegend::sizeHint() const
{
    const QFontMetrics fm(CanvasStyle::smallFont());
    int width = 0;
    const QStringList text = lines();
    for (const QString &line : text)
        width = qMax(width, fm.horizontalAdvance(line));
    return QSize(width + swatch + 3 * margin, text.size() * (fm.height() + 4) + 2 * margin);
}

void CanvasLegend::paintEvent(QPaintEvent *)
{
    const CanvasStyle style(palette());
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    QColor fill = style.nodeFill();
    fill.setAlphaF(0.92f);
    p.setPen(QPen(style.border(), 1));
    p.setBrush(fill);
    p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
    const QFontMetrics fm(CanvasStyle::smallFont());
    p.setFont(CanvasStyle::smallFont());
    const int step = fm.height() + 4;
    const QStringList text = lines();
    for (int i = 0; i < text.size(); ++i) {
        const int y = margin + i * step + step / 2;
        const int x = margin;
        QColor ink = style.edge();
        p.setBrush(Qt::NoBrush);
        switch (i) {
        case 0:
            p.setPen(QPen(ink, 1.4));
            p.drawLine(x, y, x + swatch, y);
            p.setBrush(ink);
            p.drawEllipse(QPointF(x + 6, y), 3, 3);
            break;
        case 1:
            p.setPen(QPen(ink, 1.4));
            p.drawLine(x, y, x + swatch, y);
            p.drawLine(x + 10, y, x, y - 5);
            p.drawLine(x + 10, y, x, y + 5);
            p.drawLine(x + swatch - 5, y - 5, x + swatch - 5, y + 5);
            break;
        case 2:
            p.setPen(QPen(ink, 1.4, Qt::DashLine));
            p.drawLine(x, y, x + swatch, y);
            break;
        default:
            p.setPen(QPen(CanvasStyle::warning(), 2));
            p.setBrush(style.warningFill());
            p.drawRoundedRect(QRectF(x, y - 5, swatch, 10), 3, 3);
            break;
        }
        p.setPen(i == 3 ? CanvasStyle::warning() : style.text());
        p.drawText(QPoint(x + swatch + margin, y + fm.ascent() / 2 - 1), text[i]);
    }
}

} // namespace mc
