#include "palettewidget.h"

#include <QApplication>
#include <QDrag>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>
#include <QVBoxLayout>

namespace mc {

namespace {
const char *const kKindProperty = "paletteKind";
} // namespace

PaletteWidget::PaletteWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("paletteWidget"));
    setAccessibleName(tr("Palette"));
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Drag onto the canvas:"), this);
    hint->setObjectName(QStringLiteral("paletteHint"));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    m_modelEntry = addEntry(QStringLiteral("model"), tr("Model"),
                            tr("Drag onto the canvas to add a model there; click or press "
                               "Space to add one at a free spot"));
    layout->addWidget(m_modelEntry);
    layout->addStretch();
}

QString PaletteWidget::mimeType()
{
    return QStringLiteral("application/x-modelcanvas-palette");
}

QMimeData *PaletteWidget::mimeData(const QString &kind)
{
    auto *data = new QMimeData;
    data->setData(mimeType(), kind.toUtf8());
    return data;
}

QToolButton *PaletteWidget::addEntry(const QString &kind, const QString &text, const QString &tip)
{
    auto *entry = new QToolButton(this);
    entry->setObjectName(QStringLiteral("palette-") + kind);
    entry->setText(text);
    entry->setAccessibleName(tr("%1 (palette entry)").arg(text));
    entry->setAccessibleDescription(tip);
    entry->setToolTip(tip);
    entry->setToolButtonStyle(Qt::ToolButtonTextOnly);
    entry->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    entry->setMinimumHeight(36);
    entry->setFocusPolicy(Qt::StrongFocus);
    entry->setProperty(kKindProperty, kind);
    entry->setCursor(Qt::OpenHandCursor);
    entry->installEventFilter(this);
    connect(entry, &QToolButton::clicked, this, [this, kind] { Q_EMIT addRequested(kind); });
    return entry;
}

bool PaletteWidget::eventFilter(QObject *watched, QEvent *event)
{
    auto *entry = qobject_cast<QToolButton *>(watched);
    if (!entry)
        return QWidget::eventFilter(watched, event);
    if (event->type() == QEvent::MouseButtonPress) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        m_pressed = mouse->button() == Qt::LeftButton;
        m_pressPos = mouse->position().toPoint();
    } else if (event->type() == QEvent::MouseButtonRelease) {
        m_pressed = false;
    } else if (event->type() == QEvent::MouseMove && m_pressed) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if ((mouse->position().toPoint() - m_pressPos).manhattanLength() >=
            QApplication::startDragDistance()) {
            m_pressed = false;
            startDrag(entry);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void PaletteWidget::startDrag(QToolButton *entry)
{
    auto *drag = new QDrag(entry);
    drag->setMimeData(mimeData(entry->property(kKindProperty).toString()));
    QPixmap pixmap(entry->size() * entry->devicePixelRatioF());
    pixmap.setDevicePixelRatio(entry->devicePixelRatioF());
    pixmap.fill(Qt::transparent);
    entry->render(&pixmap);
    drag->setPixmap(pixmap);
    drag->setHotSpot(m_pressPos);
    entry->setDown(false); // the drag takes the release
    if (m_dragRunner)
        m_dragRunner(drag);
    else
        drag->exec(Qt::CopyAction, Qt::CopyAction);
}

} // namespace mc
