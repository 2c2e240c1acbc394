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
        <name>CardTab</name>
        <message numerus="yes">
            <source>This note is too long for a folded A6 card: shorten it by about %n word(s) or choose A5.</source>
            <translation>
                <numerusform>This note is too long for a folded A6 card: shorten it by about %n word or choose A5.</numerusform>
                <numerusform>This note is too long for a folded A6 card: shorten it by about %n words or choose A5.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>This note is too long for a folded 4×6 in card: shorten it by about %n word(s) or choose A5.</source>
            <translation>
                <numerusform>This note is too long for a folded 4×6 in card: shorten it by about %n word or choose A5.</numerusform>
                <numerusform>This note is too long for a folded 4×6 in card: shorten it by about %n words or choose A5.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>This note is too long for a folded A5 card: shorten it by about %n word(s).</source>
            <translation>
                <numerusform>This note is too long for a folded A5 card: shorten it by about %n word.</numerusform>
                <numerusform>This note is too long for a folded A5 card: shorten it by about %n words.</numerusform>
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
    <context>
        <name>calendar</name>
        <message numerus="yes">
            <source>%n interview(s)</source>
            <translation>
                <numerusform>%n interview</numerusform>
                <numerusform>%n interviews</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n decision date(s)</source>
            <translation>
                <numerusform>%n decision date</numerusform>
                <numerusform>%n decision dates</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up(s) due</source>
            <translation>
                <numerusform>%n follow-up due</numerusform>
                <numerusform>%n follow-ups due</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n application(s) to close</source>
            <translation>
                <numerusform>%n application to close</numerusform>
                <numerusform>%n applications to close</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n thank-you note(s) due</source>
            <translation>
                <numerusform>%n thank-you note due</numerusform>
                <numerusform>%n thank-you notes due</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n thank-you note(s) late</source>
            <translation>
                <numerusform>%n thank-you note late</numerusform>
                <numerusform>%n thank-you notes late</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n reference heads-up(s)</source>
            <translation>
                <numerusform>%n reference heads-up</numerusform>
                <numerusform>%n reference heads-ups</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n reference(s) to thank</source>
            <translation>
                <numerusform>%n reference to thank</numerusform>
                <numerusform>%n references to thank</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n reference(s) to tell the outcome</source>
            <translation>
                <numerusform>%n reference to tell the outcome</numerusform>
                <numerusform>%n references to tell the outcome</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n check-in(s)</source>
            <translation>
                <numerusform>%n check-in</numerusform>
                <numerusform>%n check-ins</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{kind}: %n</source>
            <translation>
                <numerusform>{kind}: %n</numerusform>
                <numerusform>{kind}: %n</numerusform>
            </translation>
        </message>
    </context>
</TS>