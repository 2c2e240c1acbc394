<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
    <context>
        <name>AddReferenceDialog</name>
        <message numerus="yes">
            <source>given to %n employer(s), last {day}</source>
            <translation>
                <numerusform>given to %n employer, last {day}</numerusform>
                <numerusform>given to %n employers, last {day}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ApplicationDetailDialog</name>
        <message numerus="yes">
            <source>Delete {company} with its %n interview(s) and its timeline? The people you met stay in Contacts. This cannot be undone.</source>
            <translation>
                <numerusform>Delete {company} with its %n interview and its timeline? The people you met stay in Contacts. This cannot be undone.</numerusform>
                <numerusform>Delete {company} with its %n interviews and its timeline? The people you met stay in Contacts. This cannot be undone.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BoardColumn</name>
        <message numerus="yes">
            <source>%Ln card(s)</source>
            <translation>
                <numerusform>%Ln card</numerusform>
                <numerusform>%Ln cards</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{shown} of %Ln card(s)</source>
            <translation>
                <numerusform>{shown} of %Ln card</numerusform>
                <numerusform>{shown} of %Ln cards</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CalendarPage</name>
        <message numerus="yes">
            <source>&lt;b&gt;{day}&lt;/b&gt; — %Ln item(s)</source>
            <translation>
                <numerusform>&lt;b&gt;{day}&lt;/b&gt; — %Ln item</numerusform>
                <numerusform>&lt;b&gt;{day}&lt;/b&gt; — %Ln items</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ContactsPage</name>
        <message numerus="yes">
            <source>%Ln person(s)</source>
            <translation>
                <numerusform>%Ln person</numerusform>
                <numerusform>%Ln people</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln application(s)</source>
            <translation>
                <numerusform>%Ln application</numerusform>
                <numerusform>%Ln applications</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InterviewDialog</name>
        <message numerus="yes">
            <source>&lt;p&gt;&lt;i&gt;%n still unknown: ask when you follow up.&lt;/i&gt;&lt;/p&gt;</source>
            <translation>
                <numerusform>&lt;p&gt;&lt;i&gt;%n still unknown: ask when you follow up.&lt;/i&gt;&lt;/p&gt;</numerusform>
                <numerusform>&lt;p&gt;&lt;i&gt;%n still unknown: ask when you follow up.&lt;/i&gt;&lt;/p&gt;</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%Ln application(s)</source>
            <translation>
                <numerusform>%Ln application</numerusform>
                <numerusform>%Ln applications</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(%Ln active)</source>
            <translation>
                <numerusform>(%Ln active)</numerusform>
                <numerusform>(%Ln active)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln interview(s)</source>
            <translation>
                <numerusform>%Ln interview</numerusform>
                <numerusform>%Ln interviews</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln person(s)</source>
            <translation>
                <numerusform>%Ln person</numerusform>
                <numerusform>%Ln people</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoteComposerDialog</name>
        <message numerus="yes">
            <source>%Ln word(s)</source>
            <translation>
                <numerusform>%Ln word</numerusform>
                <numerusform>%Ln words</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RemindersPanel</name>
        <message numerus="yes">
            <source>&lt;b&gt;Reminders&lt;/b&gt; — %Ln item(s) due</source>
            <translation>
                <numerusform>&lt;b&gt;Reminders&lt;/b&gt; — %Ln item due</numerusform>
                <numerusform>&lt;b&gt;Reminders&lt;/b&gt; — %Ln items due</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TrayIcon</name>
        <message numerus="yes">
            <source>{app} — %Ln due</source>
            <translation>
                <numerusform>{app} — %Ln due</numerusform>
                <numerusform>{app} — %Ln due</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln more in the window…</source>
            <translation>
                <numerusform>%Ln more in the window…</numerusform>
                <numerusform>%Ln more in the window…</numerusform>
            </translation>
        </message>
    </context>
</TS>