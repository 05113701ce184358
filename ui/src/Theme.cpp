// SPDX-License-Identifier: GPL-3.0-or-later
#include "Theme.h"

#include <QtCharts/QChart>
#include <QtCharts/QLegend>
#include <QtGui/QPalette>
#include <QtWidgets/QApplication>
#include <QtWidgets/QStyle>
#include <QtWidgets/QStyleFactory>

namespace hotpath::ui {

void applyTheme(bool dark)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (!dark) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5), accent(0x3d, 0x7e, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8d, 0x93));
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x77, 0x79, 0x7e));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x77, 0x79, 0x7e));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x77, 0x79, 0x7e));
    QApplication::setPalette(p);
}

bool isDark() { return QApplication::palette().color(QPalette::Base).lightness() < 128; }

QColor interpreterColour() { return QColor(0xe0, 0x7a, 0x1f); } // orange
QColor jitColour() { return QColor(0x1f, 0x77, 0xd4); }         // blue

void styleChart(QChart *chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setTheme(isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
}

} // namespace hotpath::ui
