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
        <name>NextStepHeader</name>
        <message numerus="yes">
            <source>Your last contact was %n week(s) ago.</source>
            <translation>
                <numerusform>Your last contact was %n week ago.</numerusform>
                <numerusform>Your last contact was %n weeks ago.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Your last contact was %n day(s) ago.</source>
            <translation>
                <numerusform>Your last contact was %n day ago.</numerusform>
                <numerusform>Your last contact was %n days ago.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>You applied %n week(s) ago.</source>
            <translation>
                <numerusform>You applied %n week ago.</numerusform>
                <numerusform>You applied %n weeks ago.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>You applied %n day(s) ago.</source>
            <translation>
                <numerusform>You applied %n day ago.</numerusform>
                <numerusform>You applied %n days ago.</numerusform>
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
        <name>TodayPage</name>
        <message numerus="yes">
            <source>%Ln active application(s)</source>
            <translation>
                <numerusform>%Ln active application</numerusform>
                <numerusform>%Ln active applications</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln interview(s) in the next 7 days</source>
            <translation>
                <numerusform>%Ln interview in the next 7 days</numerusform>
                <numerusform>%Ln interviews in the next 7 days</numerusform>
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