<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The French plural forms of the counted strings of the window: the source (in the code,
     tr(source, "", n)) is the plural; the first form is for 0 and 1, the second for more.
     Read by evalir_desktop/plurals.py; Qt Linguist opens it too. -->
<TS version="2.1" language="fr_FR" sourcelanguage="fr_FR">
<context>
    <name>ReportDialog</name>
    <message numerus="yes">
        <source>Document prêt : %n pages.</source>
        <translation>
            <numerusform>Document prêt : %n page.</numerusform>
            <numerusform>Document prêt : %n pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pages envoyées à l'imprimante.</source>
        <translation>
            <numerusform>%n page envoyée à l'imprimante.</numerusform>
            <numerusform>%n pages envoyées à l'imprimante.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparisonDialog</name>
    <message numerus="yes">
        <source>%n réponses modifiées</source>
        <translation>
            <numerusform>%n réponse modifiée</numerusform>
            <numerusform>%n réponses modifiées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n obligations apparues</source>
        <translation>
            <numerusform>%n obligation apparue</numerusform>
            <numerusform>%n obligations apparues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disparues</source>
        <translation>
            <numerusform>%n disparue</numerusform>
            <numerusform>%n disparues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AxisGroup</name>
    <message numerus="yes">
        <source>%n cochées sur %s</source>
        <translation>
            <numerusform>%n cochée sur %s</numerusform>
            <numerusform>%n cochées sur %s</numerusform>
        </translation>
    </message>
</context>
</TS>
