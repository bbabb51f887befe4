<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>About</name>
        <message>
            <source>&lt;h3&gt;{APP_NAME} {version__}&lt;/h3&gt;&lt;p&gt;Launch Fizzly workflow runs, watch each node's progress live, and keep the images that come out.&lt;/p&gt;&lt;p&gt;Python {python_version} · PySide6 {pyside_version}&lt;/p&gt;&lt;p&gt;History: {escape}&lt;br&gt;Logs: {escape2}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;{APP_NAME} {version__}&lt;/h3&gt;&lt;p&gt;Fizzly-Workflows starten, den Fortschritt jedes Knotens live verfolgen und die entstandenen Bilder behalten.&lt;/p&gt;&lt;p&gt;Python {python_version} · PySide6 {pyside_version}&lt;/p&gt;&lt;p&gt;Verlauf: {escape}&lt;br&gt;Protokolle: {escape2}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About {APP_NAME}</source>
            <translation>Über {APP_NAME}</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>PNG image</source>
            <translation>PNG-Bild</translation>
        </message>
        <message>
            <source>WebP image</source>
            <translation>WebP-Bild</translation>
        </message>
        <message>
            <source>JPEG image</source>
            <translation>JPEG-Bild</translation>
        </message>
        <message>
            <source>with its run details (.json) beside it</source>
            <extracomment>The second file type of the Save dialog: the image and its run description beside it.</extracomment>
            <translation>mit den Details des Laufs (.json) daneben</translation>
        </message>
        <message>
            <source>File</source>
            <extracomment>Decoding for the clipboard refuses pictures that would need more memory than this.</extracomment>
            <translation>Datei</translation>
        </message>
    </context>
    <context>
        <name>AddWorkflowDialog</name>
        <message>
            <source>Ask the server</source>
            <translation>Den Server fragen</translation>
        </message>
        <message>
            <source>Import a schema file (JSON Schema or OpenAPI)</source>
            <translation>Eine Schema-Datei importieren (JSON Schema oder OpenAPI)</translation>
        </message>
        <message>
            <source>Paste an example of the inputs (JSON)</source>
            <translation>Ein Beispiel der Eingaben einfügen (JSON)</translation>
        </message>
        <message>
            <source>Set up the inputs myself</source>
            <translation>Die Eingaben selbst festlegen</translation>
        </message>
        <message>
            <source>Add a workflow</source>
            <translation>Workflow hinzufügen</translation>
        </message>
        <message>
            <source>owner/slug, or paste the workflow's address</source>
            <translation>Besitzer/Kürzel, oder die Adresse des Workflows einfügen</translation>
        </message>
        <message>
            <source>Shown in the sidebar</source>
            <translation>Wird in der Seitenleiste angezeigt</translation>
        </message>
        <message>
            <source>A .json file</source>
            <translation>Eine .json-Datei</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>Operation</source>
            <translation>Operation</translation>
        </message>
        <message>
            <source>Operation:</source>
            <translation>Operation:</translation>
        </message>
        <message>
            <source>{"prompt": "A red fox in the snow", "seed": 42}</source>
            <translation>{"prompt": "Ein roter Fuchs im Schnee", "seed": 42}</translation>
        </message>
        <message>
            <source>The server is asked for the inputs. If it does not describe them, the workflow starts with a prompt and a seed, and you can change them later.</source>
            <translation>Der Server wird nach den Eingaben gefragt. Beschreibt er sie nicht, beginnt der Workflow mit einem Prompt und einem Seed; Sie können sie später ändern.</translation>
        </message>
        <message>
            <source>After adding, a field editor opens to list the inputs one by one.</source>
            <translation>Nach dem Hinzufügen öffnet sich ein Feldeditor, um die Eingaben einzeln aufzulisten.</translation>
        </message>
        <message>
            <source>Workflow:</source>
            <translation>Workflow:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Inputs:</source>
            <translation>Eingaben:</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <source>e.g. demo/text-to-image</source>
            <translation>z. B. demo/text-to-image</translation>
        </message>
        <message>
            <source>Workflow {owner}/{slug}</source>
            <translation>Workflow {owner}/{slug}</translation>
        </message>
        <message>
            <source>Import a schema</source>
            <translation>Schema importieren</translation>
        </message>
        <message>
            <source>JSON files (*.json);;All files (*)</source>
            <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Choose the schema file to import.</source>
            <translation>Wählen Sie die zu importierende Schema-Datei.</translation>
        </message>
    </context>
    <context>
        <name>AppController</name>
        <message>
            <source>Welcome</source>
            <extracomment>Set once start-up work (sandbox, history, engine) is done, whatever its outcome.</extracomment>
            <translation>Willkommen</translation>
        </message>
        <message>
            <source>Choose how to start</source>
            <translation>Wählen Sie, wie Sie beginnen möchten</translation>
        </message>
    </context>
    <context>
        <name>AppStatusBar</name>
        <message>
            <source>Server</source>
            <extracomment>The connection's dot and words in the colour of what they mean (readable in either scheme).</extracomment>
            <translation>Server</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>Verbindung</translation>
        </message>
        <message>
            <source>Rate limit budget</source>
            <translation>Kontingent des Ratenlimits</translation>
        </message>
        <message>
            <source>Runs on the server and not sent yet</source>
            <translation>Läufe auf dem Server und noch nicht gesendete</translation>
        </message>
        <message>
            <source>Credits used this session</source>
            <translation>In dieser Sitzung verbrauchte Credits</translation>
        </message>
        <message>
            <source>Rate limit: —</source>
            <translation>Ratenlimit: —</translation>
        </message>
        <message>
            <source>Rate limit: {remaining} of {limit} left</source>
            <translation>Ratenlimit: {remaining} von {limit} übrig</translation>
        </message>
        <message>
            <source> · resets in {seconds} s</source>
            <translation> · wird in {seconds} s zurückgesetzt</translation>
        </message>
        <message>
            <source>{active} on the server · {queued} not sent yet</source>
            <translation>{active} auf dem Server · {queued} noch nicht gesendet</translation>
        </message>
        <message>
            <source>{plural_credits} this session</source>
            <translation>{plural_credits} in dieser Sitzung</translation>
        </message>
    </context>
    <context>
        <name>AttachDialog</name>
        <message>
            <source>Attach to a Run</source>
            <translation>An einen Lauf anhängen</translation>
        </message>
        <message>
            <source>Follow a run sent from elsewhere (another computer, a script, a webhook log): paste its request ID and choose its workflow. The server is asked first; its inputs stay unknown here.</source>
            <translation>Einen anderswo gesendeten Lauf verfolgen (anderer Computer, ein Skript, ein Webhook-Protokoll): Fügen Sie seine Anfrage-ID ein und wählen Sie seinen Workflow. Zuerst wird der Server gefragt; seine Eingaben bleiben hier unbekannt.</translation>
        </message>
        <message>
            <source>Request ID</source>
            <translation>Anfrage-ID</translation>
        </message>
        <message>
            <source>Workflow</source>
            <translation>Workflow</translation>
        </message>
        <message>
            <source>owner/workflow, as in the library</source>
            <translation>Besitzer/Workflow, wie in der Bibliothek</translation>
        </message>
        <message>
            <source>&amp;Request ID:</source>
            <translation>&amp;Anfrage-ID:</translation>
        </message>
        <message>
            <source>&amp;Workflow:</source>
            <translation>&amp;Workflow:</translation>
        </message>
        <message>
            <source>Attach</source>
            <translation>Anhängen</translation>
        </message>
        <message>
            <source>Asking the server…</source>
            <translation>Server wird gefragt…</translation>
        </message>
    </context>
    <context>
        <name>AxisEditor</name>
        <message>
            <source>None (a single row)</source>
            <translation>Keine (eine einzelne Zeile)</translation>
        </message>
        <message>
            <source>{title}: input to sweep</source>
            <translation>{title}: zu variierende Eingabe</translation>
        </message>
        <message>
            <source>{title}: values to try</source>
            <translation>{title}: zu testende Werte</translation>
        </message>
        <message>
            <source>{title}: values found</source>
            <translation>{title}: gefundene Werte</translation>
        </message>
        <message numerus="yes">
            <source>✓ %n value(s): {values_preview}</source>
            <translation>
                <numerusform>✓ %n Wert: {values_preview}</numerusform>
                <numerusform>✓ %n Werte: {values_preview}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BannerPresenter</name>
        <message numerus="yes">
            <source> (and %n more batch(es) not sending)</source>
            <translation>
                <numerusform> (und %n weiterer Stapel, der nicht sendet)</numerusform>
                <numerusform> (und %n weitere Stapel, die nicht senden)</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel batch</source>
            <translation>Stapel abbrechen</translation>
        </message>
        <message>
            <source>Cancel every unfinished run of “{name}”? Runs not sent yet are dropped; runs on the server are cancelled and their unused credits refunded.</source>
            <translation>Jeden unfertigen Lauf von „{name}“ abbrechen? Noch nicht gesendete Läufe werden verworfen; Läufe auf dem Server werden abgebrochen und ihre ungenutzten Credits erstattet.</translation>
        </message>
    </context>
    <context>
        <name>BatchBanner</name>
        <message>
            <source>Paused batch</source>
            <translation>Angehaltener Stapel</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Fortsetzen</translation>
        </message>
        <message>
            <source>Resume batch</source>
            <translation>Stapel fortsetzen</translation>
        </message>
        <message>
            <source>Cancel batch</source>
            <translation>Stapel abbrechen</translation>
        </message>
    </context>
    <context>
        <name>BatchBar</name>
        <message>
            <source>Batch</source>
            <translation>Stapel</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Anhalten</translation>
        </message>
        <message>
            <source>Stop sending this batch's waiting runs</source>
            <translation>Das Senden der wartenden Läufe dieses Stapels anhalten</translation>
        </message>
        <message>
            <source>Cancel batch</source>
            <translation>Stapel abbrechen</translation>
        </message>
        <message>
            <source>Cancel every run of this batch not yet finished</source>
            <translation>Jeden noch nicht fertigen Lauf dieses Stapels abbrechen</translation>
        </message>
        <message>
            <source>Retry failed</source>
            <translation>Fehlgeschlagene wiederholen</translation>
        </message>
        <message>
            <source>Send this batch's failed runs again, as new runs</source>
            <translation>Die fehlgeschlagenen Läufe dieses Stapels erneut als neue Läufe senden</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>Raster</translation>
        </message>
        <message>
            <source>Show the batch's outputs as a grid by the swept values</source>
            <translation>Die Ausgaben des Stapels als Raster nach den variierten Werten zeigen</translation>
        </message>
        <message>
            <source>Batch:</source>
            <translation>Stapel:</translation>
        </message>
    </context>
    <context>
        <name>BatchBuilderDialog</name>
        <message>
            <source>Nothing to queue yet.</source>
            <translation>Noch nichts einzureihen.</translation>
        </message>
        <message>
            <source>Build batch — {workflow_name}</source>
            <translation>Stapel erstellen — {workflow_name}</translation>
        </message>
        <message>
            <source>Make many runs of {workflow_name} at once, starting from the values in the form. Nothing is sent until you queue them.</source>
            <translation>Viele Läufe von {workflow_name} auf einmal erstellen, ausgehend von den Werten im Formular. Nichts wird gesendet, bevor Sie sie einreihen.</translation>
        </message>
        <message>
            <source>How to make the runs</source>
            <translation>Wie die Läufe entstehen</translation>
        </message>
        <message>
            <source>&amp;Repeat</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>S&amp;weep</source>
            <translation>&amp;Variieren</translation>
        </message>
        <message>
            <source>&amp;Import file</source>
            <translation>Datei &amp;importieren</translation>
        </message>
        <message>
            <source>Batch name</source>
            <translation>Name des Stapels</translation>
        </message>
        <message>
            <source>Batch &amp;name:</source>
            <translation>&amp;Name des Stapels:</translation>
        </message>
        <message>
            <source>Batch summary</source>
            <translation>Zusammenfassung des Stapels</translation>
        </message>
        <message>
            <source>Why the batch cannot be queued</source>
            <translation>Warum der Stapel nicht eingereiht werden kann</translation>
        </message>
        <message>
            <source>Queue runs</source>
            <translation>Läufe einreihen</translation>
        </message>
        <message>
            <source>Queue the runs</source>
            <translation>Die Läufe einreihen</translation>
        </message>
        <message>
            <source>The form's values have a problem: {message} Fix it in the form first.</source>
            <translation>Die Werte im Formular haben ein Problem: {message} Beheben Sie es zuerst im Formular.</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>Wiederholen</translation>
        </message>
        <message>
            <source>Sweep</source>
            <translation>Variieren</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message numerus="yes">
            <source>Queue %n run(s)</source>
            <translation>
                <numerusform>%n Lauf einreihen</numerusform>
                <numerusform>%n Läufe einreihen</numerusform>
            </translation>
        </message>
        <message>
            <source>No runs yet</source>
            <translation>Noch keine Läufe</translation>
        </message>
    </context>
    <context>
        <name>BatchController</name>
        <message>
            <source>All runs</source>
            <extracomment>Told the runs of a batch about to be cancelled (the queue says what became of them).</extracomment>
            <translation>Alle Läufe</translation>
        </message>
        <message>
            <source> · paused: {pause_reason}</source>
            <translation> · angehalten: {pause_reason}</translation>
        </message>
        <message>
            <source> · paused</source>
            <translation> · angehalten</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>Fortsetzen</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Anhalten</translation>
        </message>
        <message>
            <source>Cancel batch</source>
            <translation>Stapel abbrechen</translation>
        </message>
        <message>
            <source>Cancel every unfinished run of “{name}”? Runs not sent yet are dropped; runs on the server are cancelled and their unused credits refunded.</source>
            <translation>Jeden unfertigen Lauf von „{name}“ abbrechen? Noch nicht gesendete Läufe werden verworfen; Läufe auf dem Server werden abgebrochen und ihre ungenutzten Credits erstattet.</translation>
        </message>
    </context>
    <context>
        <name>Cancels</name>
        <message>
            <source>Done before the cancel reached the server · charged as usual</source>
            <extracomment>States a cancelled run can still pass through before it settles.</extracomment>
            <translation>Fertig, bevor der Abbruch den Server erreichte · normal berechnet</translation>
        </message>
        <message>
            <source>Failed before the cancel reached the server</source>
            <translation>Fehlgeschlagen, bevor der Abbruch den Server erreichte</translation>
        </message>
        <message>
            <source>Refused by the server · nothing charged</source>
            <translation>Vom Server abgelehnt · nichts berechnet</translation>
        </message>
        <message>
            <source>Sent, no answer: check the run before sending it again</source>
            <translation>Gesendet, keine Antwort: Prüfen Sie den Lauf, bevor Sie ihn erneut senden</translation>
        </message>
        <message>
            <source>{credits} refunded</source>
            <translation>{credits} erstattet</translation>
        </message>
        <message>
            <source>nothing refunded</source>
            <translation>nichts erstattet</translation>
        </message>
        <message>
            <source>Unknown to the server: it no longer knows this run</source>
            <translation>Dem Server unbekannt: Er kennt diesen Lauf nicht mehr</translation>
        </message>
        <message>
            <source>Not sent · nothing charged</source>
            <translation>Nicht gesendet · nichts berechnet</translation>
        </message>
        <message>
            <source>Cancelled · {refund}</source>
            <translation>Abgebrochen · {refund}</translation>
        </message>
        <message>
            <source>Finished before the cancel reached the server</source>
            <translation>Beendet, bevor der Abbruch den Server erreichte</translation>
        </message>
        <message>
            <source>{cancelled} cancelled · {refund}</source>
            <translation>{cancelled} abgebrochen · {refund}</translation>
        </message>
        <message>
            <source>{unsent} not sent · nothing charged</source>
            <translation>{unsent} nicht gesendet · nichts berechnet</translation>
        </message>
        <message>
            <source>{finished} finished before the cancel reached the server</source>
            <translation>{finished} beendet, bevor der Abbruch den Server erreichte</translation>
        </message>
        <message>
            <source>{gone} unknown to the server</source>
            <translation>{gone} dem Server unbekannt</translation>
        </message>
    </context>
    <context>
        <name>Cell</name>
        <message>
            <source> · starred</source>
            <extracomment>Longest header shown in full; longer swept values are shortened (the tooltip has all). Side of the thumbnails asked of the provider: cells scale them to fit. Marks a cell's run can have: starred (a badge in the corner) or rejected (dimmed). The run's seed ("" when it has none): tells apart tiles that sweep nothing else. ``STAR``, ``REJECT`` or None: the run's mark (or its picture's).</extracomment>
            <translation> · mit Stern</translation>
        </message>
        <message>
            <source> · rejected</source>
            <translation> · verworfen</translation>
        </message>
    </context>
    <context>
        <name>ChainPresenter</name>
        <message>
            <source>Use as Input</source>
            <extracomment>The output put into a form's image field, recorded on the next run sent with it.</extracomment>
            <translation>Als Eingabe verwenden</translation>
        </message>
        <message>
            <source>No workflow in your library takes an image.</source>
            <translation>Kein Workflow in Ihrer Bibliothek nimmt ein Bild entgegen.</translation>
        </message>
        <message>
            <source>{ref} is not in your library any more: add it again to use this image.</source>
            <translation>{ref} ist nicht mehr in Ihrer Bibliothek: Fügen Sie ihn erneut hinzu, um dieses Bild zu verwenden.</translation>
        </message>
        <message>
            <source>The form of {ref} has no image field “{field}” now: choose the image there.</source>
            <translation>Das Formular von {ref} hat kein Bildfeld „{field}“ mehr: Wählen Sie das Bild dort.</translation>
        </message>
        <message>
            <source>The picture is in “{title}”: set the rest and run; the run will remember where it came from.</source>
            <translation>Das Bild ist in „{title}“: Legen Sie den Rest fest und starten Sie; der Lauf merkt sich, woher es stammt.</translation>
        </message>
        <message>
            <source>Made from {output} of a run deleted since</source>
            <translation>Erstellt aus {output} eines inzwischen gelöschten Laufs</translation>
        </message>
        <message>
            <source>Made from {output} of {workflow} ({made}) as {field}</source>
            <translation>Erstellt aus {output} von {workflow} ({made}) als {field}</translation>
        </message>
    </context>
    <context>
        <name>ColorField</name>
        <message>
            <source>Choose a colour</source>
            <translation>Farbe wählen</translation>
        </message>
        <message>
            <source>{title}: choose a colour</source>
            <translation>{title}: Farbe wählen</translation>
        </message>
        <message>
            <source>{title} must be a colour code such as {example}.</source>
            <translation>{title} muss ein Farbcode wie {example} sein.</translation>
        </message>
    </context>
    <context>
        <name>ColorScheme</name>
        <message>
            <source>Same as the &amp;System</source>
            <extracomment>Where the choice is kept in the app's settings (window.ini).</extracomment>
            <translation>Wie das &amp;System</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>&amp;Hell</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>&amp;Dunkel</translation>
        </message>
    </context>
    <context>
        <name>ColorSchemeFollower</name>
        <message>
            <source>&amp;Appearance</source>
            <translation>&amp;Erscheinungsbild</translation>
        </message>
    </context>
    <context>
        <name>Columns</name>
        <message>
            <source>Workflow</source>
            <extracomment>Changed rows at most this far apart are announced in one span (see _emit_columns).</extracomment>
            <translation>Workflow</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <source>Current node</source>
            <translation>Aktueller Knoten</translation>
        </message>
        <message>
            <source>Credits</source>
            <translation>Credits</translation>
        </message>
        <message>
            <source>Elapsed</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>Gesendet</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>Seed</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>Prompt</translation>
        </message>
    </context>
    <context>
        <name>ComparePane</name>
        <message>
            <source>Image: {caption}</source>
            <extracomment>In swipe mode: the image right of the slider.</extracomment>
            <translation>Bild: {caption}</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message>
            <source>Compare {captions} images</source>
            <translation>{captions} Bilder vergleichen</translation>
        </message>
        <message>
            <source>&amp;Swipe between the two</source>
            <translation>Zwischen den beiden &amp;wischen</translation>
        </message>
        <message>
            <source>Swipe position</source>
            <translation>Wischposition</translation>
        </message>
        <message>
            <source>Wheel to zoom, drag to pan, double-click to fit: every image follows.</source>
            <translation>Mausrad zum Zoomen, Ziehen zum Verschieben, Doppelklick zum Einpassen: Alle Bilder folgen.</translation>
        </message>
        <message>
            <source>Inputs that differ</source>
            <translation>Unterschiedliche Eingaben</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>Eingabe</translation>
        </message>
        <message>
            <source>The runs' inputs are the same.</source>
            <translation>Die Eingaben der Läufe sind gleich.</translation>
        </message>
    </context>
    <context>
        <name>Connection</name>
        <message>
            <source>Not connected</source>
            <translation>Nicht verbunden</translation>
        </message>
        <message>
            <source>Starting the local sandbox…</source>
            <translation>Lokale Sandbox wird gestartet…</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Verbindung wird hergestellt…</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>Verbunden</translation>
        </message>
        <message>
            <source>Can't reach the server</source>
            <translation>Server nicht erreichbar</translation>
        </message>
        <message>
            <source>No API key</source>
            <translation>Kein API-Schlüssel</translation>
        </message>
        <message>
            <source>Checking the key…</source>
            <translation>Schlüssel wird geprüft…</translation>
        </message>
        <message>
            <source>Key rejected: open Profiles to replace it</source>
            <translation>Schlüssel abgelehnt: Öffnen Sie die Profile, um ihn zu ersetzen</translation>
        </message>
    </context>
    <context>
        <name>Contact</name>
        <message>
            <source>Lost contact</source>
            <extracomment>The states a user may retry from: a retry is a new run linked to the old one. Every legal change of state. A state missing from a row's set is refused. The server could not be reached for a while, or the run's addresses no longer match its profile's (the key is never sent there): nothing is known, so nothing is shown moving. The server answered 404: it no longer knows this run. The local record stays.</extracomment>
            <translation>Verbindung verloren</translation>
        </message>
        <message>
            <source>Unknown to the server</source>
            <translation>Dem Server unbekannt</translation>
        </message>
    </context>
    <context>
        <name>DateRanges</name>
        <message>
            <source>Any time</source>
            <extracomment>The schema step that adds the index, its triggers and fills it from the existing runs. The date choices beside the search: (words, value). Days are the computer's calendar days.</extracomment>
            <translation>Jederzeit</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Heute</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Letzte 7 Tage</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Letzte 30 Tage</translation>
        </message>
    </context>
    <context>
        <name>DateTime</name>
        <message>
            <source>dd MMM HH:mm</source>
            <extracomment>The OutputItem of a row. Changed (in ``dataChanged``) when a row's thumbnail became available. Batch filter value selecting outputs of single runs (not part of a batch). Kind filter values: pictures and other media (the default), text and JSON, or everything. The output kinds that are not media: shown by the "Text and data" choice. Thumbnail sizes decoded; a tile shows the smallest one at least as large as itself, so dragging the size slider does not decode every image again for every pixel.</extracomment>
            <translation>dd. MMM HH:mm</translation>
        </message>
    </context>
    <context>
        <name>DetailsPresenter</name>
        <message>
            <source>Run again</source>
            <extracomment>Told the runs about to be cancelled, so the status bar says what came back (the queue's watch: the same notice however the cancel was asked for). Shows a run just started (a retry) in the queue, selected: the queue's.</extracomment>
            <translation>Erneut ausführen</translation>
        </message>
        <message>
            <source>Take this run out of the list? The app will no longer ask the server about it; if it is still running there, it may still finish and cost credits. Saved images stay on disk.</source>
            <translation>Diesen Lauf aus der Liste nehmen? Die App fragt den Server nicht mehr nach ihm; läuft er dort noch, kann er trotzdem fertig werden und Credits kosten. Gespeicherte Bilder bleiben auf der Festplatte.</translation>
        </message>
        <message>
            <source>Forget run</source>
            <translation>Lauf vergessen</translation>
        </message>
        <message>
            <source>Its cost is not known yet: no run of this workflow has finished here.</source>
            <translation>Seine Kosten sind noch unbekannt: Hier ist noch kein Lauf dieses Workflows fertig geworden.</translation>
        </message>
        <message>
            <source>It costs about {credits} credits, like the last one.</source>
            <translation>Er kostet etwa {credits} Credits, wie der letzte.</translation>
        </message>
        <message>
            <source>Send a new run of {name} with the same inputs? {cost} This run stays in the list until you forget it.</source>
            <translation>Einen neuen Lauf von {name} mit denselben Eingaben senden? {cost} Dieser Lauf bleibt in der Liste, bis Sie ihn vergessen.</translation>
        </message>
        <message>
            <source>Starting the local sandbox…</source>
            <translation>Lokale Sandbox wird gestartet…</translation>
        </message>
        <message>
            <source>The server still does not answer about this run. Check that it is running and reachable, then check again.</source>
            <translation>Der Server antwortet zu diesem Lauf immer noch nicht. Prüfen Sie, ob er läuft und erreichbar ist, und prüfen Sie dann erneut.</translation>
        </message>
        <message>
            <source>The server no longer knows this run. Run it again, or forget it.</source>
            <translation>Der Server kennt diesen Lauf nicht mehr. Führen Sie ihn erneut aus oder vergessen Sie ihn.</translation>
        </message>
        <message>
            <source>The server answered: the run is followed again.</source>
            <translation>Der Server hat geantwortet: Der Lauf wird wieder verfolgt.</translation>
        </message>
    </context>
    <context>
        <name>EnumField</name>
        <message>
            <source>Type to search</source>
            <extracomment>Longer lists of choices can be searched by typing.</extracomment>
            <translation>Tippen zum Suchen</translation>
        </message>
    </context>
    <context>
        <name>Fetching</name>
        <message>
            <source>{display_name}: no server to ask for its inputs; it starts with a prompt and a seed. Use “Edit inputs…” to change them.</source>
            <translation>{display_name}: Kein Server, der nach den Eingaben gefragt werden kann; er beginnt mit einem Prompt und einem Seed. Ändern Sie sie mit „Eingaben bearbeiten…“.</translation>
        </message>
        <message>
            <source>The server's description of {ref} is unusable: {exc}</source>
            <translation>Die Beschreibung von {ref} durch den Server ist unbrauchbar: {exc}</translation>
        </message>
        <message>
            <source>Could not ask the server about {ref}: {user_message}</source>
            <translation>Der Server konnte nicht zu {ref} gefragt werden: {user_message}</translation>
        </message>
        <message>
            <source>{display_name}: inputs from the server.</source>
            <translation>{display_name}: Eingaben vom Server.</translation>
        </message>
        <message>
            <source>The server does not describe the inputs of {ref}; using {kept}. Use “Edit inputs…” to change them.</source>
            <translation>Der Server beschreibt die Eingaben von {ref} nicht; verwendet werden {kept}. Ändern Sie sie mit „Eingaben bearbeiten…“.</translation>
        </message>
    </context>
    <context>
        <name>FieldDraft</name>
        <message>
            <source>Text (one line)</source>
            <translation>Text (eine Zeile)</translation>
        </message>
        <message>
            <source>Text (several lines)</source>
            <translation>Text (mehrere Zeilen)</translation>
        </message>
        <message>
            <source>Secret text</source>
            <translation>Geheimer Text</translation>
        </message>
        <message>
            <source>Choice from a list</source>
            <translation>Auswahl aus einer Liste</translation>
        </message>
        <message>
            <source>Whole number</source>
            <translation>Ganze Zahl</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Zahl</translation>
        </message>
        <message>
            <source>Yes / no</source>
            <translation>Ja / Nein</translation>
        </message>
        <message>
            <source>List of texts</source>
            <translation>Liste von Texten</translation>
        </message>
        <message>
            <source>List of numbers</source>
            <translation>Liste von Zahlen</translation>
        </message>
        <message>
            <source>Image or file</source>
            <translation>Bild oder Datei</translation>
        </message>
        <message>
            <source>JSON value</source>
            <translation>JSON-Wert</translation>
        </message>
        <message>
            <source>Rows of inputs</source>
            <translation>Zeilen von Eingaben</translation>
        </message>
        <message>
            <source>Choice of shapes</source>
            <translation>Auswahl von Formen</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>Farbe</translation>
        </message>
        <message>
            <source>Images or files</source>
            <extracomment>An empty text default ("" as in Cog's negative_prompt) is a default too.</extracomment>
            <translation>Bilder oder Dateien</translation>
        </message>
        <message>
            <source>(no name)</source>
            <translation>(kein Name)</translation>
        </message>
        <message>
            <source>Every input needs a name.</source>
            <translation>Jede Eingabe braucht einen Namen.</translation>
        </message>
        <message>
            <source>The name {name} can only have letters, digits, '_' and '-', and must not start with a digit (it is what the workflow receives).</source>
            <translation>Der Name {name} darf nur Buchstaben, Ziffern, „_“ und „-“ enthalten und nicht mit einer Ziffer beginnen (so erhält ihn der Workflow).</translation>
        </message>
        <message>
            <source>{title}: list the choices, one per line.</source>
            <translation>{title}: Listen Sie die Auswahlmöglichkeiten auf, eine pro Zeile.</translation>
        </message>
        <message>
            <source>smallest value</source>
            <translation>kleinster Wert</translation>
        </message>
        <message>
            <source>largest value</source>
            <translation>größter Wert</translation>
        </message>
        <message>
            <source>{title}: the smallest value is above the largest.</source>
            <translation>{title}: Der kleinste Wert liegt über dem größten.</translation>
        </message>
        <message>
            <source>{title}: the default is outside the smallest/largest values.</source>
            <translation>{title}: Der Standardwert liegt außerhalb des kleinsten/größten Werts.</translation>
        </message>
        <message>
            <source>{name}: the {what} must be a number.</source>
            <translation>{name}: Der {what} muss eine Zahl sein.</translation>
        </message>
        <message>
            <source>{name}: the {what} must be a whole number.</source>
            <translation>{name}: Der {what} muss eine ganze Zahl sein.</translation>
        </message>
        <message>
            <source>{title}: the default must be a whole number.</source>
            <translation>{title}: Der Standardwert muss eine ganze Zahl sein.</translation>
        </message>
        <message>
            <source>{title}: the default must be a number.</source>
            <translation>{title}: Der Standardwert muss eine Zahl sein.</translation>
        </message>
        <message>
            <source>{title}: the default must be yes or no.</source>
            <translation>{title}: Der Standardwert muss Ja oder Nein sein.</translation>
        </message>
        <message>
            <source>{title}: the default must be one of the choices.</source>
            <translation>{title}: Der Standardwert muss eine der Auswahlmöglichkeiten sein.</translation>
        </message>
        <message>
            <source>{title}: the default must be numbers separated by commas.</source>
            <translation>{title}: Der Standardwert müssen durch Kommas getrennte Zahlen sein.</translation>
        </message>
        <message>
            <source>{title}: the default is not valid JSON ({msg}).</source>
            <translation>{title}: Der Standardwert ist kein gültiges JSON ({msg}).</translation>
        </message>
    </context>
    <context>
        <name>FieldEditor</name>
        <message>
            <source>Group of inputs (kept as it is)</source>
            <extracomment>Shapes kept as the schema gave them, in the user's words.</extracomment>
            <translation>Gruppe von Eingaben (wird beibehalten)</translation>
        </message>
        <message>
            <source>Rows of inputs (kept as they are)</source>
            <translation>Zeilen von Eingaben (werden beibehalten)</translation>
        </message>
        <message>
            <source>Choice of shapes (kept as it is)</source>
            <translation>Auswahl von Formen (wird beibehalten)</translation>
        </message>
        <message>
            <source>Colour (kept as it is)</source>
            <translation>Farbe (wird beibehalten)</translation>
        </message>
    </context>
    <context>
        <name>FieldEditorDialog</name>
        <message>
            <source>Inputs of {title}</source>
            <translation>Eingaben von {title}</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Eingaben</translation>
        </message>
        <message>
            <source>Add input</source>
            <translation>Eingabe hinzufügen</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>what the workflow receives, e.g. prompt</source>
            <translation>was der Workflow erhält, z. B. prompt</translation>
        </message>
        <message>
            <source>Images or files (several)</source>
            <translation>Bilder oder Dateien (mehrere)</translation>
        </message>
        <message>
            <source>The workflow needs this input</source>
            <translation>Der Workflow braucht diese Eingabe</translation>
        </message>
        <message>
            <source>Fold under “Advanced settings”</source>
            <translation>Unter „Erweiterte Einstellungen“ einklappen</translation>
        </message>
        <message>
            <source>no limit</source>
            <translation>keine Grenze</translation>
        </message>
        <message>
            <source>One choice per line</source>
            <translation>Eine Auswahl pro Zeile</translation>
        </message>
        <message>
            <source>Help shown under the input</source>
            <translation>Hilfe, die unter der Eingabe angezeigt wird</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Label:</source>
            <translation>Beschriftung:</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Typ:</translation>
        </message>
        <message>
            <source>Default:</source>
            <translation>Standard:</translation>
        </message>
        <message>
            <source>Smallest:</source>
            <translation>Kleinster:</translation>
        </message>
        <message>
            <source>Largest:</source>
            <translation>Größter:</translation>
        </message>
        <message>
            <source>Choices:</source>
            <translation>Auswahl:</translation>
        </message>
        <message>
            <source>Help:</source>
            <translation>Hilfe:</translation>
        </message>
        <message>
            <source>Add at least one input.</source>
            <translation>Fügen Sie mindestens eine Eingabe hinzu.</translation>
        </message>
        <message>
            <source>yes or no</source>
            <translation>Ja oder Nein</translation>
        </message>
        <message>
            <source>one of the choices</source>
            <translation>eine der Auswahlmöglichkeiten</translation>
        </message>
        <message>
            <source>texts separated by commas</source>
            <translation>durch Kommas getrennte Texte</translation>
        </message>
        <message>
            <source>numbers separated by commas</source>
            <translation>durch Kommas getrennte Zahlen</translation>
        </message>
        <message>
            <source>JSON, e.g. {"a": 1}</source>
            <translation>JSON, z. B. {"a": 1}</translation>
        </message>
        <message>
            <source>an address (https://…)</source>
            <translation>eine Adresse (https://…)</translation>
        </message>
        <message>
            <source>kept as the schema gives it</source>
            <translation>so, wie das Schema ihn angibt</translation>
        </message>
    </context>
    <context>
        <name>FieldRow</name>
        <message>
            <source>Required. </source>
            <extracomment>The widest a label gets beside its input; longer ones wrap ("Subject Reference Image URL"), so the form fits a narrow panel instead of being cut off on the right.</extracomment>
            <translation>Erforderlich. </translation>
        </message>
        <message>
            <source>More</source>
            <translation>Mehr</translation>
        </message>
        <message>
            <source>Less</source>
            <translation>Weniger</translation>
        </message>
    </context>
    <context>
        <name>FileCard</name>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>Dateiname</translation>
        </message>
        <message>
            <source>File details</source>
            <translation>Dateidetails</translation>
        </message>
        <message>
            <source>Preview</source>
            <extracomment>A picture of the file where the app can draw one (an OBJ mesh), else hidden.</extracomment>
            <translation>Vorschau</translation>
        </message>
        <message>
            <source>Save As…</source>
            <translation>Speichern unter…</translation>
        </message>
        <message>
            <source>Open with…</source>
            <translation>Öffnen mit…</translation>
        </message>
        <message>
            <source>Open it in the app your computer uses for this kind of file</source>
            <translation>In der App öffnen, die Ihr Computer für diese Art von Datei verwendet</translation>
        </message>
        <message>
            <source>Copy Path</source>
            <translation>Pfad kopieren</translation>
        </message>
        <message>
            <source>Copy where the file is, to open it from another app</source>
            <translation>Kopieren, wo die Datei liegt, um sie aus einer anderen App zu öffnen</translation>
        </message>
        <message>
            <source>no extension</source>
            <translation>keine Endung</translation>
        </message>
        <message>
            <source>No app on this computer opens this kind of file. Its path was copied, so you can open it from an app that does:
{path}</source>
            <translation>Keine App auf diesem Computer öffnet diese Art von Datei. Ihr Pfad wurde kopiert, sodass Sie sie aus einer App öffnen können, die es kann:
{path}</translation>
        </message>
    </context>
    <context>
        <name>FileField</name>
        <message>
            <source>an image</source>
            <translation>ein Bild</translation>
        </message>
        <message>
            <source>a file</source>
            <translation>eine Datei</translation>
        </message>
        <message>
            <source>Paste {word}'s address, or drop {word} here</source>
            <translation>Adresse einfügen ({word}) oder {word} hier ablegen</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Auswählen…</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>Einfügen</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Leeren</translation>
        </message>
        <message>
            <source>file sent with the run</source>
            <translation>mit dem Lauf gesendete Datei</translation>
        </message>
        <message>
            <source>{title}: still reading {value}…</source>
            <translation>{title}: {value} wird noch gelesen…</translation>
        </message>
        <message>
            <source>the file</source>
            <translation>die Datei</translation>
        </message>
        <message>
            <source>The clipboard holds no picture, file or web address.</source>
            <translation>Die Zwischenablage enthält kein Bild, keine Datei und keine Webadresse.</translation>
        </message>
        <message>
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>A web address: the server fetches it when the run starts.</source>
            <translation>Eine Webadresse: Der Server lädt sie, wenn der Lauf beginnt.</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>{name} wird gelesen…</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>Bild</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation>Die Datei konnte nicht gelesen werden.</translation>
        </message>
        <message>
            <source>{name} ({human_size}, sent with the run)</source>
            <translation>{name} ({human_size}, wird mit dem Lauf gesendet)</translation>
        </message>
    </context>
    <context>
        <name>FileListField</name>
        <message>
            <source>an image</source>
            <translation>ein Bild</translation>
        </message>
        <message>
            <source>a file</source>
            <translation>eine Datei</translation>
        </message>
        <message>
            <source>Paste {word}'s address and press Enter</source>
            <translation>Adresse einfügen ({word}) und Eingabetaste drücken</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>Dateien hinzufügen…</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>Einfügen</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>{title}: still reading files…</source>
            <translation>{title}: Dateien werden noch gelesen…</translation>
        </message>
        <message>
            <source>File sent with the run</source>
            <translation>Mit dem Lauf gesendete Datei</translation>
        </message>
        <message>
            <source>Reading pasted image…</source>
            <translation>Eingefügtes Bild wird gelesen…</translation>
        </message>
        <message>
            <source>pasted image</source>
            <translation>eingefügtes Bild</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>{name} wird gelesen…</translation>
        </message>
        <message>
            <source>The clipboard holds no picture, file or web address.</source>
            <translation>Die Zwischenablage enthält kein Bild, keine Datei und keine Webadresse.</translation>
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation>Die Datei konnte nicht gelesen werden.</translation>
        </message>
    </context>
    <context>
        <name>FileLoading</name>
        <message numerus="yes">
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n Byte</numerusform>
                <numerusform>%n Bytes</numerusform>
            </translation>
        </message>
        <message>
            <source>{name} is {human_size}; files up to {human_size2} can be sent with a run. Put it online and paste its address instead.</source>
            <translation>{name} ist {human_size} groß; Dateien bis {human_size2} können mit einem Lauf gesendet werden. Stellen Sie sie online und fügen Sie stattdessen ihre Adresse ein.</translation>
        </message>
        <message>
            <source>an image</source>
            <translation>ein Bild</translation>
        </message>
        <message>
            <source>a sound file</source>
            <translation>eine Audiodatei</translation>
        </message>
        <message>
            <source>a video</source>
            <translation>ein Video</translation>
        </message>
        <message>
            <source>a file</source>
            <translation>eine Datei</translation>
        </message>
        <message>
            <source>{name} could not be read: {value}.</source>
            <translation>{name} konnte nicht gelesen werden: {value}.</translation>
        </message>
        <message>
            <source>{name} is not {kind_word}.</source>
            <translation>{name} ist nicht {kind_word}.</translation>
        </message>
        <message>
            <source>file sent with the run</source>
            <translation>mit dem Lauf gesendete Datei</translation>
        </message>
        <message>
            <source>Images ({IMAGE_SUFFIXES});;All files (*)</source>
            <translation>Bilder ({IMAGE_SUFFIXES});;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Choose {title}</source>
            <translation>{title} wählen</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>All</source>
            <extracomment>The marks filter's choices: (words, value).</extracomment>
            <translation>Alle</translation>
        </message>
        <message>
            <source>Starred</source>
            <translation>Mit Stern</translation>
        </message>
        <message>
            <source>Not rejected</source>
            <translation>Nicht verworfen</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Verworfen</translation>
        </message>
    </context>
    <context>
        <name>FolderPathDialog</name>
        <message>
            <source>Folder</source>
            <translation>Ordner</translation>
        </message>
        <message>
            <source>Folder path</source>
            <translation>Ordnerpfad</translation>
        </message>
        <message>
            <source>No file manager opened this folder. Copy its path and open it in the program you use for files:</source>
            <translation>Kein Dateimanager hat diesen Ordner geöffnet. Kopieren Sie seinen Pfad und öffnen Sie ihn in Ihrem Programm für Dateien:</translation>
        </message>
        <message>
            <source>Copy path</source>
            <translation>Pfad kopieren</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Kopiert</translation>
        </message>
    </context>
    <context>
        <name>Form</name>
        <message>
            <source>Add an API key for this profile (File ▸ Profiles and API Keys) to run.</source>
            <translation>Fügen Sie diesem Profil einen API-Schlüssel hinzu (Datei ▸ Profile und API-Schlüssel), um Läufe zu starten.</translation>
        </message>
        <message>
            <source>The server refused this profile's key: open Profiles to replace it.</source>
            <translation>Der Server hat den Schlüssel dieses Profils abgelehnt: Öffnen Sie die Profile, um ihn zu ersetzen.</translation>
        </message>
        <message>
            <source>inputs from the server's schema</source>
            <translation>Eingaben aus dem Schema des Servers</translation>
        </message>
        <message>
            <source>inputs from an imported schema</source>
            <translation>Eingaben aus einem importierten Schema</translation>
        </message>
        <message>
            <source>inputs inferred from an example</source>
            <translation>aus einem Beispiel abgeleitete Eingaben</translation>
        </message>
        <message>
            <source>inputs from the field editor</source>
            <translation>Eingaben aus dem Feldeditor</translation>
        </message>
        <message>
            <source>inputs of the reference example</source>
            <translation>Eingaben des Referenzbeispiels</translation>
        </message>
    </context>
    <context>
        <name>FormPages</name>
        <message>
            <source>The JSON has a mistake at line {lineno}, column {colno}: {msg}. Nothing was changed: fix it, or show the form's values again.</source>
            <translation>Das JSON hat einen Fehler in Zeile {lineno}, Spalte {colno}: {msg}. Nichts wurde geändert: Beheben Sie ihn oder zeigen Sie die Werte des Formulars erneut.</translation>
        </message>
        <message>
            <source>The JSON is nested too deeply. Nothing was changed.</source>
            <translation>Das JSON ist zu tief verschachtelt. Nichts wurde geändert.</translation>
        </message>
        <message>
            <source>The inputs must be a JSON object, in braces: {"prompt": "…"}. Nothing was changed.</source>
            <translation>Die Eingaben müssen ein JSON-Objekt in geschweiften Klammern sein: {"prompt": "…"}. Nichts wurde geändert.</translation>
        </message>
    </context>
    <context>
        <name>FormPanel</name>
        <message>
            <source>Choose a workflow in the sidebar.</source>
            <translation>Wählen Sie in der Seitenleiste einen Workflow.</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>Starten</translation>
        </message>
        <message>
            <source>Run {count}</source>
            <translation>{count} starten</translation>
        </message>
        <message>
            <source>Workflow inputs</source>
            <translation>Eingaben des Workflows</translation>
        </message>
        <message>
            <source>No workflow selected</source>
            <translation>Kein Workflow ausgewählt</translation>
        </message>
        <message>
            <source>Inputs of the workflow</source>
            <translation>Eingaben des Workflows</translation>
        </message>
        <message>
            <source>Pick a workflow on the left to fill in its inputs.</source>
            <translation>Wählen Sie links einen Workflow, um seine Eingaben auszufüllen.</translation>
        </message>
        <message>
            <source>Run options</source>
            <translation>Optionen für den Lauf</translation>
        </message>
        <message>
            <source>https://example.com/fizzly-webhook (optional)</source>
            <translation>https://example.com/fizzly-webhook (optional)</translation>
        </message>
        <message>
            <source>Webhook URL</source>
            <translation>Webhook-URL</translation>
        </message>
        <message>
            <source>Number of runs</source>
            <translation>Anzahl der Läufe</translation>
        </message>
        <message>
            <source>How many runs to start with these inputs (seeds left random vary)</source>
            <translation>Wie viele Läufe mit diesen Eingaben gestartet werden (zufällige Seeds variieren)</translation>
        </message>
        <message>
            <source>Build batch…</source>
            <translation>Stapel erstellen…</translation>
        </message>
        <message>
            <source>Build batch</source>
            <translation>Stapel erstellen</translation>
        </message>
        <message>
            <source>Sweeps, seed series and imported CSV or JSONL files</source>
            <translation>Variationen, Seed-Reihen und importierte CSV- oder JSONL-Dateien</translation>
        </message>
        <message>
            <source>Start the run (Ctrl+Enter)</source>
            <translation>Den Lauf starten (Strg+Eingabe)</translation>
        </message>
        <message>
            <source>Some inputs need attention.</source>
            <translation>Einige Eingaben brauchen Aufmerksamkeit.</translation>
        </message>
        <message>
            <source>; about {credits_per_run} credits a run, from its finished runs</source>
            <translation>; etwa {credits_per_run} Credits pro Lauf, nach den fertigen Läufen</translation>
        </message>
    </context>
    <context>
        <name>FormPresenter</name>
        <message>
            <source>× {before} stays with {display_name}: {display_name2} starts from {plural}.</source>
            <extracomment>Profiles whose key the server refused when last checked (the profiles presenter's).</extracomment>
            <translation>× {before} bleibt bei {display_name}: {display_name2} beginnt mit {plural}.</translation>
        </message>
        <message>
            <source>Could not ask the server for its inputs: {message}</source>
            <translation>Der Server konnte nicht nach den Eingaben gefragt werden: {message}</translation>
        </message>
        <message>
            <source>Some inputs of that run are not in this workflow's form: </source>
            <translation>Einige Eingaben dieses Laufs sind nicht im Formular dieses Workflows: </translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message numerus="yes">
            <source>{credits} credit(s)</source>
            <translation>
                <numerusform>{credits} Credit</numerusform>
                <numerusform>{credits} Credits</numerusform>
            </translation>
        </message>
        <message>
            <source>under 1 s</source>
            <translation>unter 1 s</translation>
        </message>
        <message>
            <source>about {round} s</source>
            <translation>etwa {round} s</translation>
        </message>
        <message>
            <source>about {minutes} min</source>
            <translation>etwa {minutes} min</translation>
        </message>
        <message>
            <source>about {hours} h {rest} min</source>
            <translation>etwa {hours} h {rest} min</translation>
        </message>
        <message>
            <source>about {hours} h</source>
            <translation>etwa {hours} h</translation>
        </message>
        <message>
            <source>{minutes} min {whole} s</source>
            <translation>{minutes} min {whole} s</translation>
        </message>
        <message>
            <source>{hours} h {minutes} min</source>
            <translation>{hours} h {minutes} min</translation>
        </message>
    </context>
    <context>
        <name>GalleryFilterBar</name>
        <message>
            <source>Filter by workflow</source>
            <translation>Nach Workflow filtern</translation>
        </message>
        <message>
            <source>Filter by batch</source>
            <translation>Nach Stapel filtern</translation>
        </message>
        <message>
            <source>Filter by kind of output</source>
            <translation>Nach Art der Ausgabe filtern</translation>
        </message>
        <message>
            <source>Images and media</source>
            <translation>Bilder und Medien</translation>
        </message>
        <message>
            <source>Text and data</source>
            <translation>Text und Daten</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>Alles</translation>
        </message>
        <message>
            <source>Number of outputs shown</source>
            <translation>Anzahl der angezeigten Ausgaben</translation>
        </message>
        <message>
            <source>Thumbnail size</source>
            <translation>Vorschaugröße</translation>
        </message>
        <message>
            <source>Search prompts and inputs</source>
            <translation>Prompts und Eingaben durchsuchen</translation>
        </message>
        <message>
            <source>Search outputs</source>
            <translation>Ausgaben durchsuchen</translation>
        </message>
        <message>
            <source>Show outputs by mark</source>
            <translation>Ausgaben nach Markierung zeigen</translation>
        </message>
        <message>
            <source>Show outputs made</source>
            <translation>Ausgaben zeigen, erstellt</translation>
        </message>
        <message>
            <source>&amp;Workflow:</source>
            <translation>&amp;Workflow:</translation>
        </message>
        <message>
            <source>&amp;Batch:</source>
            <translation>&amp;Stapel:</translation>
        </message>
        <message>
            <source>S&amp;how:</source>
            <translation>&amp;Zeigen:</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Größe:</translation>
        </message>
    </context>
    <context>
        <name>GalleryModel</name>
        <message>
            <source>Output: {name}</source>
            <translation>Ausgabe: {name}</translation>
        </message>
        <message>
            <source>Batch: {batch}</source>
            <translation>Stapel: {batch}</translation>
        </message>
    </context>
    <context>
        <name>GalleryView</name>
        <message>
            <source>No outputs yet — run a workflow and its images will appear here.</source>
            <translation>Noch keine Ausgaben — starten Sie einen Workflow, und seine Bilder erscheinen hier.</translation>
        </message>
        <message>
            <source>No outputs match these filters.</source>
            <translation>Keine Ausgaben passen zu diesen Filtern.</translation>
        </message>
        <message>
            <source>Choose Show: Everything to see text and data outputs too.</source>
            <extracomment>Said under NO_MATCH_MESSAGE while only images are shown: other outputs may be what there is.</extracomment>
            <translation>Wählen Sie „Zeigen: Alles“, um auch Text- und Datenausgaben zu sehen.</translation>
        </message>
        <message>
            <source>Gallery</source>
            <translation>Galerie</translation>
        </message>
        <message>
            <source>Outputs</source>
            <extracomment>Adds entries to a tile's menu (the library's "Use as Input ▸").</extracomment>
            <translation>Ausgaben</translation>
        </message>
        <message>
            <source>Gallery message</source>
            <translation>Meldung der Galerie</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Use these inputs</source>
            <translation>Diese Eingaben verwenden</translation>
        </message>
        <message>
            <source>Show run</source>
            <translation>Lauf zeigen</translation>
        </message>
        <message>
            <source>Open containing folder</source>
            <translation>Enthaltenden Ordner öffnen</translation>
        </message>
        <message>
            <source>Copy text</source>
            <translation>Text kopieren</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>Speichern unter…</translation>
        </message>
        <message>
            <source>Copy image</source>
            <translation>Bild kopieren</translation>
        </message>
        <message>
            <source>Export selected…</source>
            <translation>Auswahl exportieren…</translation>
        </message>
        <message>
            <source>Star</source>
            <translation>Stern</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Verwerfen</translation>
        </message>
        <message>
            <source>Compare…</source>
            <translation>Vergleichen…</translation>
        </message>
        <message>
            <source>Export {exportable} selected images…</source>
            <translation>{exportable} ausgewählte Bilder exportieren…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportieren…</translation>
        </message>
        <message>
            <source>All workflows</source>
            <translation>Alle Workflows</translation>
        </message>
        <message>
            <source>All batches</source>
            <translation>Alle Stapel</translation>
        </message>
        <message>
            <source>Single runs</source>
            <translation>Einzelne Läufe</translation>
        </message>
        <message>
            <source>{shown} of {total}</source>
            <translation>{shown} von {total}</translation>
        </message>
    </context>
    <context>
        <name>GridCells</name>
        <message>
            <source>Waiting</source>
            <translation>Wartend</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Braucht Aufmerksamkeit</translation>
        </message>
        <message>
            <source>seed {seed}</source>
            <translation>Seed {seed}</translation>
        </message>
    </context>
    <context>
        <name>GridPlayActions</name>
        <message>
            <source>Play This &amp;Row Together</source>
            <translation>Diese &amp;Zeile gemeinsam abspielen</translation>
        </message>
        <message>
            <source>Play This Co&amp;lumn Together</source>
            <translation>Diese &amp;Spalte gemeinsam abspielen</translation>
        </message>
    </context>
    <context>
        <name>ImageViewer</name>
        <message>
            <source>WebP image</source>
            <translation>WebP-Bild</translation>
        </message>
        <message>
            <source>PNG image</source>
            <translation>PNG-Bild</translation>
        </message>
        <message>
            <source>JPEG image</source>
            <translation>JPEG-Bild</translation>
        </message>
        <message>
            <source>Image viewer</source>
            <extracomment>When set (by the app's output actions), Save As and Copy go through them: the copy is made off the GUI thread and the sidecar can go along.</extracomment>
            <translation>Bildbetrachter</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>Bild</translation>
        </message>
        <message>
            <source>Image actions</source>
            <translation>Bildaktionen</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Verkleinern</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Vergrößern</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Einpassen</translation>
        </message>
        <message>
            <source>Fit to window (F)</source>
            <translation>An Fenster anpassen (F)</translation>
        </message>
        <message>
            <source>Actual size (1)</source>
            <translation>Originalgröße (1)</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>Speichern unter…</translation>
        </message>
        <message>
            <source>Copy image</source>
            <translation>Bild kopieren</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>Ordner öffnen</translation>
        </message>
        <message>
            <source>Open the folder that holds this image</source>
            <translation>Den Ordner öffnen, der dieses Bild enthält</translation>
        </message>
        <message>
            <source>Viewer message</source>
            <translation>Meldung des Betrachters</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>Dateiname</translation>
        </message>
        <message>
            <source>Image size</source>
            <translation>Bildgröße</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <source>No image.</source>
            <translation>Kein Bild.</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <source>{width} × {height} px</source>
            <translation>{width} × {height} px</translation>
        </message>
        <message>
            <source>This image can't be shown.
{reason}</source>
            <translation>Dieses Bild kann nicht angezeigt werden.
{reason}</translation>
        </message>
        <message>
            <source>Save image as</source>
            <translation>Bild speichern unter</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Could not save the image: {reason}.</source>
            <translation>Das Bild konnte nicht gespeichert werden: {reason}.</translation>
        </message>
        <message>
            <source>Saved a copy as {name}</source>
            <translation>Eine Kopie als {name} gespeichert</translation>
        </message>
    </context>
    <context>
        <name>ImageViewerWindow</name>
        <message>
            <source>Image</source>
            <translation>Bild</translation>
        </message>
        <message>
            <source>Image viewer window</source>
            <translation>Bildbetrachter-Fenster</translation>
        </message>
        <message>
            <source>Previous</source>
            <extracomment>Videos, sounds and other files: made the first time one is shown.</extracomment>
            <translation>Zurück</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>Weiter</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Save As…</source>
            <translation>Speichern unter…</translation>
        </message>
        <message>
            <source>{text} image ({toString})</source>
            <translation>{text}-Bild ({toString})</translation>
        </message>
    </context>
    <context>
        <name>ImportTab</name>
        <message>
            <source>Input rows (*.csv *.tsv *.txt *.jsonl *.ndjson *.json);;All files (*)</source>
            <extracomment>Files the import accepts, for the file chooser.</extracomment>
            <translation>Eingabezeilen (*.csv *.tsv *.txt *.jsonl *.ndjson *.json);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Drop a CSV or JSONL file of input rows here, or choose one.</source>
            <translation>Legen Sie hier eine CSV- oder JSONL-Datei mit Eingabezeilen ab oder wählen Sie eine.</translation>
        </message>
        <message>
            <source>&amp;Choose file…</source>
            <translation>Datei &amp;wählen…</translation>
        </message>
        <message>
            <source>Choose a CSV or JSONL file of input rows</source>
            <translation>Eine CSV- oder JSONL-Datei mit Eingabezeilen wählen</translation>
        </message>
        <message>
            <source>The first row names the inputs ({names}…); each further row is one run. Empty cells keep the form's values. JSONL: one object of inputs per line.</source>
            <translation>Die erste Zeile benennt die Eingaben ({names}…); jede weitere Zeile ist ein Lauf. Leere Zellen behalten die Werte des Formulars. JSONL: ein Objekt mit Eingaben pro Zeile.</translation>
        </message>
        <message>
            <source>Rows found in the file</source>
            <translation>In der Datei gefundene Zeilen</translation>
        </message>
        <message>
            <source>What the file gives</source>
            <translation>Was die Datei liefert</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>{name} wird gelesen…</translation>
        </message>
        <message>
            <source>Choose or drop a CSV or JSONL file of input rows.</source>
            <translation>Wählen Sie eine CSV- oder JSONL-Datei mit Eingabezeilen oder legen Sie sie ab.</translation>
        </message>
        <message>
            <source>No row of {name} can be sent: each one has a problem (shown in the table).</source>
            <translation>Keine Zeile von {name} kann gesendet werden: Jede hat ein Problem (in der Tabelle gezeigt).</translation>
        </message>
        <message>
            <source>Import {name}</source>
            <translation>{name} importieren</translation>
        </message>
        <message>
            <source>The file</source>
            <translation>Die Datei</translation>
        </message>
        <message>
            <source>{name} could not be read: {exc}</source>
            <translation>{name} konnte nicht gelesen werden: {exc}</translation>
        </message>
        <message>
            <source>Import input rows</source>
            <translation>Eingabezeilen importieren</translation>
        </message>
        <message>
            <source>{name}: this file cannot be used.</source>
            <translation>{name}: Diese Datei kann nicht verwendet werden.</translation>
        </message>
        <message numerus="yes">
            <source>{name} — %n row(s) read.</source>
            <translation>
                <numerusform>{name} — %n Zeile gelesen.</numerusform>
                <numerusform>{name} — %n Zeilen gelesen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) will run</source>
            <translation>
                <numerusform>%n Zeile wird ausgeführt</numerusform>
                <numerusform>%n Zeilen werden ausgeführt</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) with problems will be skipped (highlighted)</source>
            <translation>
                <numerusform>%n Zeile mit Problemen wird übersprungen (hervorgehoben)</numerusform>
                <numerusform>%n Zeilen mit Problemen werden übersprungen (hervorgehoben)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InputsPage</name>
        <message>
            <source>Inputs</source>
            <translation>Eingaben</translation>
        </message>
        <message>
            <source>Advanced settings ({advanced_count})</source>
            <translation>Erweiterte Einstellungen ({advanced_count})</translation>
        </message>
        <message>
            <source>This workflow takes no inputs.</source>
            <translation>Dieser Workflow nimmt keine Eingaben.</translation>
        </message>
        <message>
            <source>Discard them</source>
            <translation>Verwerfen</translation>
        </message>
        <message>
            <source>* required</source>
            <translation>* erforderlich</translation>
        </message>
    </context>
    <context>
        <name>JsonField</name>
        <message>
            <source>JSON, e.g. {"key": "value"} or [1, 2]</source>
            <translation>JSON, z. B. {"key": "value"} oder [1, 2]</translation>
        </message>
        <message>
            <source>{title} is not valid JSON: {msg} (line {lineno}, column {colno}).</source>
            <translation>{title} ist kein gültiges JSON: {msg} (Zeile {lineno}, Spalte {colno}).</translation>
        </message>
        <message>
            <source>{title} is nested too deeply.</source>
            <translation>{title} ist zu tief verschachtelt.</translation>
        </message>
    </context>
    <context>
        <name>JsonPage</name>
        <message>
            <source>The same inputs as JSON. Edits here change the form, and edits in the form show here.</source>
            <translation>Dieselben Eingaben als JSON. Änderungen hier ändern das Formular, und Änderungen im Formular erscheinen hier.</translation>
        </message>
        <message>
            <source>Inputs as JSON</source>
            <translation>Eingaben als JSON</translation>
        </message>
        <message>
            <source>Show the form's values again</source>
            <translation>Die Werte des Formulars erneut zeigen</translation>
        </message>
    </context>
    <context>
        <name>KeyEntry</name>
        <message>
            <source>API key</source>
            <translation>API-Schlüssel</translation>
        </message>
        <message>
            <source>Paste your Fizzly API key. It is hidden as you type.</source>
            <translation>Fügen Sie Ihren Fizzly-API-Schlüssel ein. Er wird beim Tippen verborgen.</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Zeigen</translation>
        </message>
        <message>
            <source>Show key</source>
            <translation>Schlüssel zeigen</translation>
        </message>
        <message>
            <source>Show the key as plain text</source>
            <translation>Den Schlüssel als Klartext zeigen</translation>
        </message>
        <message>
            <source>Key warning</source>
            <translation>Warnung zum Schlüssel</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Verbergen</translation>
        </message>
        <message>
            <source>Hide key</source>
            <translation>Schlüssel verbergen</translation>
        </message>
        <message>
            <source>Hide the key again</source>
            <translation>Den Schlüssel wieder verbergen</translation>
        </message>
    </context>
    <context>
        <name>KeySection</name>
        <message>
            <source>Key status</source>
            <translation>Status des Schlüssels</translation>
        </message>
        <message>
            <source>&amp;Set key…</source>
            <translation>Schlüssel &amp;festlegen…</translation>
        </message>
        <message>
            <source>Set the API key</source>
            <translation>Den API-Schlüssel festlegen</translation>
        </message>
        <message>
            <source>Remo&amp;ve key</source>
            <translation>Schlüssel ent&amp;fernen</translation>
        </message>
        <message>
            <source>Remove the API key</source>
            <translation>Den API-Schlüssel entfernen</translation>
        </message>
        <message>
            <source>&amp;Verify</source>
            <translation>&amp;Prüfen</translation>
        </message>
        <message>
            <source>Check the key with the service</source>
            <translation>Den Schlüssel beim Dienst prüfen</translation>
        </message>
        <message>
            <source>Checking the key</source>
            <translation>Schlüssel wird geprüft</translation>
        </message>
        <message>
            <source>Key check result</source>
            <translation>Ergebnis der Schlüsselprüfung</translation>
        </message>
        <message>
            <source>Save key</source>
            <translation>Schlüssel speichern</translation>
        </message>
        <message>
            <source>Save the key in the keyring</source>
            <translation>Den Schlüssel im Schlüsselbund speichern</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Cancel entering a key</source>
            <translation>Eingabe des Schlüssels abbrechen</translation>
        </message>
        <message>
            <source>Keyring problem</source>
            <translation>Problem mit dem Schlüsselbund</translation>
        </message>
        <message>
            <source>Keep for this session only</source>
            <translation>Nur für diese Sitzung behalten</translation>
        </message>
        <message>
            <source>Keep the key in memory until the app quits, without saving it</source>
            <translation>Den Schlüssel bis zum Beenden der App im Speicher behalten, ohne ihn zu speichern</translation>
        </message>
        <message>
            <source>Paste the API key from your account settings:</source>
            <translation>Fügen Sie den API-Schlüssel aus Ihren Kontoeinstellungen ein:</translation>
        </message>
        <message>
            <source>Re&amp;place key…</source>
            <translation>Schlüssel er&amp;setzen…</translation>
        </message>
        <message>
            <source>Replace the API key</source>
            <translation>Den API-Schlüssel ersetzen</translation>
        </message>
        <message>
            <source>The key of “{name}” was removed.</source>
            <translation>Der Schlüssel von „{name}“ wurde entfernt.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Wird geprüft…</translation>
        </message>
        <message>
            <source>There is no key to check. Set a key first.</source>
            <translation>Es gibt keinen Schlüssel zu prüfen. Legen Sie zuerst einen Schlüssel fest.</translation>
        </message>
        <message>
            <source>Remove the API key of “{name}”? You can set it again later.</source>
            <translation>Den API-Schlüssel von „{name}“ entfernen? Sie können ihn später erneut festlegen.</translation>
        </message>
        <message>
            <source>Remove key</source>
            <translation>Schlüssel entfernen</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <source>System Default</source>
            <translation>Systemstandard</translation>
        </message>
        <message>
            <source>The language changes the next time you start {app}.</source>
            <translation>Die Sprache ändert sich beim nächsten Start von {app}.</translation>
        </message>
    </context>
    <context>
        <name>LibraryMenu</name>
        <message>
            <source>Rename…</source>
            <translation>Umbenennen…</translation>
        </message>
        <message>
            <source>Ask the server for its inputs again</source>
            <translation>Den Server erneut nach seinen Eingaben fragen</translation>
        </message>
        <message>
            <source>Import a schema file…</source>
            <translation>Schema-Datei importieren…</translation>
        </message>
        <message>
            <source>Use an example of inputs…</source>
            <translation>Ein Beispiel der Eingaben verwenden…</translation>
        </message>
        <message>
            <source>Remove from library</source>
            <translation>Aus der Bibliothek entfernen</translation>
        </message>
        <message>
            <source>{display_name}: inputs from {name}.</source>
            <translation>{display_name}: Eingaben aus {name}.</translation>
        </message>
        <message>
            <source>{display_name}: inputs inferred from your example.</source>
            <translation>{display_name}: aus Ihrem Beispiel abgeleitete Eingaben.</translation>
        </message>
    </context>
    <context>
        <name>LibraryPresenter</name>
        <message>
            <source>The history is not open yet; try again in a moment.</source>
            <extracomment>Deletions that can still be undone, newest last, each with its expiry timer.</extracomment>
            <translation>Der Verlauf ist noch nicht geöffnet; versuchen Sie es gleich noch einmal.</translation>
        </message>
        <message>
            <source>Attached {request_id}: it is followed like your runs.</source>
            <translation>{request_id} angehängt: Er wird wie Ihre Läufe verfolgt.</translation>
        </message>
        <message>
            <source>seed {seed}</source>
            <translation>Seed {seed}</translation>
        </message>
        <message>
            <source>Delete runs</source>
            <translation>Läufe löschen</translation>
        </message>
        <message>
            <source>Nothing to clear: every finished run is starred, or none has finished.</source>
            <translation>Nichts zu leeren: Jeder fertige Lauf hat einen Stern, oder keiner ist fertig.</translation>
        </message>
        <message>
            <source>Clear history</source>
            <translation>Verlauf leeren</translation>
        </message>
        <message>
            <source>These runs are still on their way: cancel them first to delete them.</source>
            <translation>Diese Läufe sind noch unterwegs: Brechen Sie sie zuerst ab, um sie zu löschen.</translation>
        </message>
        <message>
            <source>{plural} could not be put back. They are in {folder}; move them back by hand if you need them.</source>
            <translation>{plural} konnten nicht zurückgelegt werden. Sie liegen in {folder}; verschieben Sie sie bei Bedarf von Hand zurück.</translation>
        </message>
        <message>
            <source>Brought back {plural}.</source>
            <translation>{plural} wiederhergestellt.</translation>
        </message>
    </context>
    <context>
        <name>LineField</name>
        <message>
            <source>Must match {pattern}</source>
            <translation>Muss {pattern} entsprechen</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Zeigen</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Verbergen</translation>
        </message>
    </context>
    <context>
        <name>ListField</name>
        <message>
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>a whole number</source>
            <translation>eine ganze Zahl</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>eine Zahl</translation>
        </message>
        <message>
            <source>{title} item {value} must be {kind}.</source>
            <translation>{title} Element {value} muss {kind} sein.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Profile</source>
            <extracomment>Asked before the window closes; False keeps it open (the guard then asks the user).</extracomment>
            <translation>Profil</translation>
        </message>
        <message>
            <source>Active profile</source>
            <translation>Aktives Profil</translation>
        </message>
        <message>
            <source>Manage profiles and API keys</source>
            <translation>Profile und API-Schlüssel verwalten</translation>
        </message>
        <message>
            <source>Manage profiles</source>
            <translation>Profile verwalten</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Läufe</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>Warteschlange</translation>
        </message>
        <message>
            <source>Gallery</source>
            <translation>Galerie</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <extracomment>The menus, by their English titles (translated where added).</extracomment>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>&amp;Lauf</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>Queue and Gallery</source>
            <translation>Warteschlange und Galerie</translation>
        </message>
        <message>
            <source>&amp;Profiles and API Keys…</source>
            <translation>&amp;Profile und API-Schlüssel…</translation>
        </message>
        <message>
            <source>&amp;Add Workflow…</source>
            <translation>Workflow &amp;hinzufügen…</translation>
        </message>
        <message>
            <source>&amp;Import Inputs from CSV or JSONL…</source>
            <translation>Eingaben aus CSV oder JSONL &amp;importieren…</translation>
        </message>
        <message>
            <source>Choose &amp;Outputs Folder…</source>
            <translation>&amp;Ausgabeordner wählen…</translation>
        </message>
        <message>
            <source>&amp;Largest Output File…</source>
            <translation>&amp;Größte Ausgabedatei…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Build Batch…</source>
            <translation>Stapel &amp;erstellen…</translation>
        </message>
        <message>
            <source>&amp;Pause Sending</source>
            <translation>Senden &amp;anhalten</translation>
        </message>
        <message>
            <source>&amp;Queue</source>
            <translation>&amp;Warteschlange</translation>
        </message>
        <message>
            <source>&amp;Gallery</source>
            <translation>&amp;Galerie</translation>
        </message>
        <message>
            <source>&amp;Filter Runs</source>
            <translation>Läufe &amp;filtern</translation>
        </message>
        <message>
            <source>&amp;Next Pane</source>
            <translation>&amp;Nächster Bereich</translation>
        </message>
        <message>
            <source>P&amp;revious Pane</source>
            <translation>&amp;Vorheriger Bereich</translation>
        </message>
        <message>
            <source>Open &amp;Log Folder</source>
            <translation>&amp;Protokollordner öffnen</translation>
        </message>
        <message>
            <source>&amp;About {APP_NAME}</source>
            <translation>&amp;Über {APP_NAME}</translation>
        </message>
        <message>
            <source>{APP_NAME} — {active} on the server, {queued} not sent yet</source>
            <translation>{APP_NAME} — {active} auf dem Server, {queued} noch nicht gesendet</translation>
        </message>
    </context>
    <context>
        <name>Media</name>
        <message>
            <source>Image</source>
            <translation>Bild</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <source>Audio</source>
            <translation>Audio</translation>
        </message>
        <message>
            <source>3D model</source>
            <translation>3D-Modell</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
    </context>
    <context>
        <name>MediaPanel</name>
        <message>
            <source>Output preview</source>
            <extracomment>Side of the preview drawn of a 3D model on its card.</extracomment>
            <translation>Vorschau der Ausgabe</translation>
        </message>
        <message>
            <source>Download progress</source>
            <translation>Download-Fortschritt</translation>
        </message>
        <message>
            <source>Raise the Limit…</source>
            <translation>Grenze erhöhen…</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>Nicht gespeichert: {error}</translation>
        </message>
        <message>
            <source>Not saved: {error}. Raise the limit (File ▸ Largest Output File…), then run it again to keep it.</source>
            <translation>Nicht gespeichert: {error}. Erhöhen Sie die Grenze (Datei ▸ Größte Ausgabedatei…) und starten Sie den Lauf erneut, um die Datei zu behalten.</translation>
        </message>
        <message>
            <source>Not saved yet</source>
            <translation>Noch nicht gespeichert</translation>
        </message>
    </context>
    <context>
        <name>MediaPlayerView</name>
        <message>
            <source>Player</source>
            <extracomment>The frame step when the file does not say its frame rate.</extracomment>
            <translation>Player</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>Video</translation>
        </message>
        <message>
            <source>Waveform</source>
            <translation>Wellenform</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Abspielen</translation>
        </message>
        <message>
            <source>Play or pause (Space)</source>
            <translation>Abspielen oder pausieren (Leertaste)</translation>
        </message>
        <message>
            <source>One frame back (,)</source>
            <translation>Ein Bild zurück (,)</translation>
        </message>
        <message>
            <source>One frame forward (.)</source>
            <translation>Ein Bild vor (.)</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>Schleife</translation>
        </message>
        <message>
            <source>Play again from the start</source>
            <translation>Von vorn erneut abspielen</translation>
        </message>
        <message>
            <source>Mute</source>
            <translation>Stumm</translation>
        </message>
        <message>
            <source>Mute the sound</source>
            <translation>Ton stummschalten</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>Auflösung</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>This file cannot be played; it may be damaged or in a format this computer cannot decode. Save it and open it in another app.</source>
            <translation>Diese Datei kann nicht abgespielt werden; sie ist vielleicht beschädigt oder in einem Format, das dieser Computer nicht dekodieren kann. Speichern Sie sie und öffnen Sie sie in einer anderen App.</translation>
        </message>
        <message>
            <source>This file cannot be played: {value}.</source>
            <translation>Diese Datei kann nicht abgespielt werden: {value}.</translation>
        </message>
    </context>
    <context>
        <name>Model</name>
        <message>
            <source>{width} × {height} px</source>
            <translation>{width} × {height} px</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>Nicht gespeichert: {error}</translation>
        </message>
    </context>
    <context>
        <name>NodeTimeline</name>
        <message>
            <source>Node timeline</source>
            <extracomment>One timeline row as shown: node, mark, status word, start time, duration, is the current node.</extracomment>
            <translation>Zeitleiste der Knoten</translation>
        </message>
        <message>
            <source>Node</source>
            <translation>Knoten</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>Gestartet</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>Dauer</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Gestoppt</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Unbekannt</translation>
        </message>
    </context>
    <context>
        <name>NumberField</name>
        <message>
            <source>{title} slider</source>
            <translation>Schieberegler {title}</translation>
        </message>
        <message>
            <source>{number} or more</source>
            <translation>{number} oder mehr</translation>
        </message>
        <message>
            <source>up to {number}</source>
            <translation>bis {number}</translation>
        </message>
        <message>
            <source>whole number</source>
            <translation>ganze Zahl</translation>
        </message>
        <message>
            <source>a whole number</source>
            <translation>eine ganze Zahl</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>eine Zahl</translation>
        </message>
        <message>
            <source>{title} must be {kind}.</source>
            <translation>{title} muss {kind} sein.</translation>
        </message>
    </context>
    <context>
        <name>ObjectListField</name>
        <message>
            <source>Add {in_sentence}</source>
            <translation>{in_sentence} hinzufügen</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>Nach oben</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Nach unten</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
    </context>
    <context>
        <name>OutputActions</name>
        <message>
            <source>Save output as</source>
            <translation>Ausgabe speichern unter</translation>
        </message>
        <message>
            <source>Could not save {name}: {reason}. Choose another folder.</source>
            <translation>{name} konnte nicht gespeichert werden: {reason}. Wählen Sie einen anderen Ordner.</translation>
        </message>
        <message>
            <source>Saved {name} in {parent}</source>
            <translation>{name} in {parent} gespeichert</translation>
        </message>
        <message>
            <source>{name} could not be read, so nothing was copied.</source>
            <translation>{name} konnte nicht gelesen werden, daher wurde nichts kopiert.</translation>
        </message>
        <message>
            <source>Copied the image {name}</source>
            <translation>Bild {name} kopiert</translation>
        </message>
        <message>
            <source>Select outputs that were saved to export them.</source>
            <translation>Wählen Sie gespeicherte Ausgaben, um sie zu exportieren.</translation>
        </message>
        <message numerus="yes">
            <source>%n image(s)</source>
            <translation>
                <numerusform>%n Bild</numerusform>
                <numerusform>%n Bilder</numerusform>
            </translation>
        </message>
        <message>
            <source>Export {noun} to</source>
            <translation>{noun} exportieren nach</translation>
        </message>
    </context>
    <context>
        <name>OutputItems</name>
        <message>
            <source>Downloading · {size} of {size2}</source>
            <translation>Wird heruntergeladen · {size} von {size2}</translation>
        </message>
        <message>
            <source>Downloading · {size}</source>
            <translation>Wird heruntergeladen · {size}</translation>
        </message>
    </context>
    <context>
        <name>OutputTileDelegate</name>
        <message>
            <source>Not saved: {error}</source>
            <extracomment>Memory kept for tiles ready to paint (scaled, rounded thumbnails): a few screens. Tiles painted within the last ``KEEP_RECENT_S`` stay even past it (they are on screen). An output's mark ("star", "reject" or None), set by the library presenter.</extracomment>
            <translation>Nicht gespeichert: {error}</translation>
        </message>
        <message>
            <source>Not saved yet</source>
            <translation>Noch nicht gespeichert</translation>
        </message>
        <message>
            <source>Can't show this image</source>
            <translation>Dieses Bild kann nicht angezeigt werden</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
    </context>
    <context>
        <name>OutputsPresenter</name>
        <message>
            <source>the list of their inputs could not be written ({strerror})</source>
            <extracomment>Where the chosen outputs folder is remembered in the window's settings. The largest output file downloaded, in MB (File ▸ Largest Output File…). How long a notice about saving or exporting stays in the status bar. The app's thumbnail loader (set by the controller): waveforms and mesh pictures in the large preview. The window playing a sweep's row or column together, once opened. The question "move or copy what is saved?" while it is open.</extracomment>
            <translation>die Liste ihrer Eingaben konnte nicht geschrieben werden ({strerror})</translation>
        </message>
        <message>
            <source>their inputs are listed in {name} (import it to run them again)</source>
            <translation>ihre Eingaben stehen in {name} (importieren Sie sie, um sie erneut auszuführen)</translation>
        </message>
        <message>
            <source>These runs have no video or sound to play.</source>
            <translation>Diese Läufe haben kein Video und keinen Ton zum Abspielen.</translation>
        </message>
        <message>
            <source>This run has no saved outputs yet.</source>
            <translation>Dieser Lauf hat noch keine gespeicherten Ausgaben.</translation>
        </message>
        <message>
            <source>Largest output file</source>
            <translation>Größte Ausgabedatei</translation>
        </message>
        <message>
            <source>Output files larger than this are not downloaded (MB). A minute of HD video is about 100 MB:</source>
            <translation>Größere Ausgabedateien werden nicht heruntergeladen (MB). Eine Minute HD-Video sind etwa 100 MB:</translation>
        </message>
        <message>
            <source>Output files up to {megabytes} MB are downloaded from now on.</source>
            <translation>Ab jetzt werden Ausgabedateien bis {megabytes} MB heruntergeladen.</translation>
        </message>
        <message>
            <source>Save output images in</source>
            <translation>Ausgabebilder speichern in</translation>
        </message>
        <message>
            <source>New outputs will be saved in {new}</source>
            <translation>Neue Ausgaben werden in {new} gespeichert</translation>
        </message>
        <message>
            <source>Outputs folder changed</source>
            <translation>Ausgabeordner geändert</translation>
        </message>
        <message>
            <source>New outputs will be saved in {new}.

{describe} saved so far are in {base}. Move them to the new folder, copy them there, or leave them where they are? The history follows them either way.</source>
            <translation>Neue Ausgaben werden in {new} gespeichert.

{describe}, bisher gespeichert, liegen in {base}. Sollen sie in den neuen Ordner verschoben, dorthin kopiert oder an ihrem Ort gelassen werden? Der Verlauf folgt ihnen in jedem Fall.</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Verschieben</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Leave them</source>
            <translation>Dort lassen</translation>
        </message>
        <message>
            <source>Moving</source>
            <translation>Verschiebe</translation>
        </message>
        <message>
            <source>Copying</source>
            <translation>Kopiere</translation>
        </message>
        <message>
            <source>{verb} {describe} to {new}…</source>
            <translation>{verb} {describe} nach {new}…</translation>
        </message>
        <message numerus="yes">
            <source>%n image(s) moved to {new}</source>
            <translation>
                <numerusform>%n Bild nach {new} verschoben</numerusform>
                <numerusform>%n Bilder nach {new} verschoben</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n image(s) copied to {new}</source>
            <translation>
                <numerusform>%n Bild nach {new} kopiert</numerusform>
                <numerusform>%n Bilder nach {new} kopiert</numerusform>
            </translation>
        </message>
        <message>
            <source>; {failed} left in {base} ({name}: {reason})</source>
            <translation>; {failed} in {base} geblieben ({name}: {reason})</translation>
        </message>
    </context>
    <context>
        <name>OutputsStrip</name>
        <message>
            <source>No outputs yet.</source>
            <translation>Noch keine Ausgaben.</translation>
        </message>
        <message>
            <source>Run outputs</source>
            <translation>Ausgaben des Laufs</translation>
        </message>
        <message>
            <source>Output images</source>
            <translation>Ausgabebilder</translation>
        </message>
        <message>
            <source>Open</source>
            <extracomment>The chosen video or sound (in a player) or 3D or other file (as a card).</extracomment>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Open containing folder</source>
            <translation>Enthaltenden Ordner öffnen</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>Speichern unter…</translation>
        </message>
        <message>
            <source>Copy image</source>
            <translation>Bild kopieren</translation>
        </message>
        <message>
            <source>Outputs message</source>
            <translation>Meldung der Ausgaben</translation>
        </message>
    </context>
    <context>
        <name>PlayTogetherWindow</name>
        <message>
            <source>Play Together</source>
            <translation>Gemeinsam abspielen</translation>
        </message>
        <message>
            <source>Play All</source>
            <translation>Alle abspielen</translation>
        </message>
        <message>
            <source>Pause All</source>
            <translation>Alle pausieren</translation>
        </message>
        <message>
            <source>Restart All</source>
            <translation>Alle neu starten</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>Schleife</translation>
        </message>
    </context>
    <context>
        <name>PresetBar</name>
        <message>
            <source>Presets…</source>
            <translation>Vorgaben…</translation>
        </message>
        <message>
            <source>Presets</source>
            <translation>Vorgaben</translation>
        </message>
        <message>
            <source>Save as preset…</source>
            <translation>Als Vorgabe speichern…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <source>Delete the chosen preset</source>
            <translation>Die gewählte Vorgabe löschen</translation>
        </message>
        <message>
            <source>Preset:</source>
            <translation>Vorgabe:</translation>
        </message>
        <message>
            <source>Save preset</source>
            <translation>Vorgabe speichern</translation>
        </message>
        <message>
            <source>Name of the preset:</source>
            <translation>Name der Vorgabe:</translation>
        </message>
        <message>
            <source>Delete preset</source>
            <translation>Vorgabe löschen</translation>
        </message>
        <message>
            <source>Delete the preset “{name}”?</source>
            <translation>Die Vorgabe „{name}“ löschen?</translation>
        </message>
    </context>
    <context>
        <name>Preview</name>
        <message>
            <source>… and {value} more</source>
            <translation>… und {value} weitere</translation>
        </message>
        <message>
            <source>Run {value}</source>
            <translation>Lauf {value}</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>✗ Skipped: {problem}</source>
            <translation>✗ Übersprungen: {problem}</translation>
        </message>
        <message>
            <source>✓ Will run</source>
            <translation>✓ Wird ausgeführt</translation>
        </message>
        <message>
            <source>From the form: {value}</source>
            <translation>Aus dem Formular: {value}</translation>
        </message>
        <message>
            <source>Credits: unknown until the first run of this workflow finishes.</source>
            <translation>Credits: unbekannt, bis der erste Lauf dieses Workflows fertig ist.</translation>
        </message>
        <message>
            <source>It will use about {plural_credits}.</source>
            <translation>Er verbraucht etwa {plural_credits}.</translation>
        </message>
        <message>
            <source>Queue {runs} runs?</source>
            <translation>{runs} Läufe einreihen?</translation>
        </message>
        <message>
            <source>This batch makes {runs} runs of {workflow_name}.

{credits}
The rate limit makes it take {duration}.

Queue them?</source>
            <translation>Dieser Stapel erstellt {runs} Läufe von {workflow_name}.

{credits}
Durch das Ratenlimit dauert es {duration}.

Einreihen?</translation>
        </message>
    </context>
    <context>
        <name>ProblemBox</name>
        <message>
            <source>Why the workflows cannot be used</source>
            <translation>Warum die Workflows nicht verwendet werden können</translation>
        </message>
    </context>
    <context>
        <name>ProfileForm</name>
        <message>
            <source>Profile name</source>
            <translation>Profilname</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>API address</source>
            <translation>API-Adresse</translation>
        </message>
        <message>
            <source>API &amp;address:</source>
            <translation>API-&amp;Adresse:</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
    </context>
    <context>
        <name>ProfileList</name>
        <message>
            <source>Profiles</source>
            <translation>Profile</translation>
        </message>
        <message>
            <source>The active profile</source>
            <translation>Das aktive Profil</translation>
        </message>
    </context>
    <context>
        <name>ProfilesDialog</name>
        <message>
            <source>Profiles</source>
            <translation>Profile</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>&amp;Hinzufügen…</translation>
        </message>
        <message>
            <source>Add a profile</source>
            <translation>Ein Profil hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation>&amp;Umbenennen…</translation>
        </message>
        <message>
            <source>Rename the selected profile</source>
            <translation>Das gewählte Profil umbenennen</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>&amp;Löschen…</translation>
        </message>
        <message>
            <source>Delete the selected profile and its key</source>
            <translation>Das gewählte Profil und seinen Schlüssel löschen</translation>
        </message>
        <message>
            <source>Profile name</source>
            <translation>Profilname</translation>
        </message>
        <message>
            <source>Active profile</source>
            <translation>Aktives Profil</translation>
        </message>
        <message>
            <source>&amp;Make active</source>
            <translation>&amp;Aktivieren</translation>
        </message>
        <message>
            <source>Make this the active profile</source>
            <translation>Dieses Profil zum aktiven machen</translation>
        </message>
        <message>
            <source>API address</source>
            <translation>API-Adresse</translation>
        </message>
        <message>
            <source>Change…</source>
            <translation>Ändern…</translation>
        </message>
        <message>
            <source>Change the API address</source>
            <translation>Die API-Adresse ändern</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Meldung</translation>
        </message>
        <message>
            <source>API key</source>
            <translation>API-Schlüssel</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>The sandbox started by the app on this computer</source>
            <translation>Die von der App auf diesem Computer gestartete Sandbox</translation>
        </message>
        <message>
            <source>Added “{name}”. Set its API key next.</source>
            <extracomment>What the dialog says after each change, by change (translated where said).</extracomment>
            <translation>„{name}“ hinzugefügt. Legen Sie als Nächstes seinen API-Schlüssel fest.</translation>
        </message>
        <message>
            <source>Renamed “{name}” to “{new_name}”.</source>
            <translation>„{name}“ in „{new_name}“ umbenannt.</translation>
        </message>
        <message>
            <source>Select a profile first.</source>
            <translation>Wählen Sie zuerst ein Profil.</translation>
        </message>
        <message>
            <source>“{name}” now uses {base_url}.</source>
            <translation>„{name}“ verwendet jetzt {base_url}.</translation>
        </message>
        <message>
            <source>“{name}” is now the active profile.</source>
            <translation>„{name}“ ist jetzt das aktive Profil.</translation>
        </message>
        <message>
            <source>“{name}” was not deleted, because its key could not be removed from the keyring. {user_message}</source>
            <translation>„{name}“ wurde nicht gelöscht, weil sein Schlüssel nicht aus dem Schlüsselbund entfernt werden konnte. {user_message}</translation>
        </message>
        <message>
            <source>Deleted “{name}” and removed its key.</source>
            <translation>„{name}“ gelöscht und seinen Schlüssel entfernt.</translation>
        </message>
        <message>
            <source>Delete the profile “{name}”? Its API key is removed from your keyring. Runs already in your history are kept.</source>
            <translation>Das Profil „{name}“ löschen? Sein API-Schlüssel wird aus Ihrem Schlüsselbund entfernt. Läufe in Ihrem Verlauf bleiben erhalten.</translation>
        </message>
        <message>
            <source>Delete profile</source>
            <translation>Profil löschen</translation>
        </message>
    </context>
    <context>
        <name>ProfilesPresenter</name>
        <message>
            <source>There is no profile named “{profile}”.</source>
            <translation>Es gibt kein Profil namens „{profile}“.</translation>
        </message>
        <message>
            <source>The local sandbox did not start; see Help ▸ Open Log Folder.</source>
            <translation>Die lokale Sandbox ist nicht gestartet; siehe Hilfe ▸ Protokollordner öffnen.</translation>
        </message>
        <message>
            <source>“{name}” has no API key yet. Add the key from your Fizzly account settings to see its workflows and run them.</source>
            <translation>„{name}“ hat noch keinen API-Schlüssel. Fügen Sie den Schlüssel aus Ihren Fizzly-Kontoeinstellungen hinzu, um seine Workflows zu sehen und auszuführen.</translation>
        </message>
        <message>
            <source>Add API Key…</source>
            <translation>API-Schlüssel hinzufügen…</translation>
        </message>
        <message>
            <source>key {fingerprint}</source>
            <translation>Schlüssel {fingerprint}</translation>
        </message>
        <message>
            <source>Can't reach the server. {message}</source>
            <translation>Der Server ist nicht erreichbar. {message}</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>Erneut versuchen</translation>
        </message>
        <message>
            <source>Key rejected: open Profiles to replace it.
{message}</source>
            <translation>Schlüssel abgelehnt: Öffnen Sie die Profile, um ihn zu ersetzen.
{message}</translation>
        </message>
        <message>
            <source>Open Profiles…</source>
            <translation>Profile öffnen…</translation>
        </message>
    </context>
    <context>
        <name>Prompts</name>
        <message>
            <source>Rename workflow</source>
            <translation>Workflow umbenennen</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Import a schema</source>
            <translation>Schema importieren</translation>
        </message>
        <message>
            <source>JSON files (*.json);;All files (*)</source>
            <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Use an example of inputs</source>
            <translation>Ein Beispiel der Eingaben verwenden</translation>
        </message>
        <message>
            <source>Paste an example of the inputs as JSON; the fields are inferred from it:</source>
            <translation>Fügen Sie ein Beispiel der Eingaben als JSON ein; die Felder werden daraus abgeleitet:</translation>
        </message>
        <message>
            <source>Remove workflow</source>
            <translation>Workflow entfernen</translation>
        </message>
        <message>
            <source>Remove “{display_name}” ({ref}) and its presets from your library? Past runs stay in the history.</source>
            <translation>„{display_name}“ ({ref}) und seine Vorgaben aus Ihrer Bibliothek entfernen? Frühere Läufe bleiben im Verlauf.</translation>
        </message>
        <message>
            <source>Add profile</source>
            <translation>Profil hinzufügen</translation>
        </message>
        <message>
            <source>Rename profile</source>
            <translation>Profil umbenennen</translation>
        </message>
        <message>
            <source>Change API address</source>
            <translation>API-Adresse ändern</translation>
        </message>
    </context>
    <context>
        <name>QueuePresenter</name>
        <message>
            <source>Remove from history</source>
            <translation>Aus dem Verlauf entfernen</translation>
        </message>
        <message numerus="yes">
            <source>Remove %n finished run(s) from the history? Their saved images stay on disk.</source>
            <translation>
                <numerusform>%n fertigen Lauf aus dem Verlauf entfernen? Seine gespeicherten Bilder bleiben auf der Festplatte.</numerusform>
                <numerusform>%n fertige Läufe aus dem Verlauf entfernen? Ihre gespeicherten Bilder bleiben auf der Festplatte.</numerusform>
            </translation>
        </message>
        <message>
            <source>Only runs still waiting in a batch can be moved, within the waiting ones.</source>
            <translation>Nur Läufe, die in einem Stapel noch warten, können verschoben werden, innerhalb der wartenden.</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <source>All runs</source>
            <extracomment>The choices of the marks filter beside the search: (words, filter value).</extracomment>
            <translation>Alle Läufe</translation>
        </message>
        <message>
            <source>Starred</source>
            <translation>Mit Stern</translation>
        </message>
        <message>
            <source>Not rejected</source>
            <translation>Nicht verworfen</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Verworfen</translation>
        </message>
        <message>
            <source>Search prompts, inputs, workflow, state, request ID, error</source>
            <translation>Prompts, Eingaben, Workflow, Status, Anfrage-ID, Fehler durchsuchen</translation>
        </message>
        <message>
            <source>Search runs</source>
            <translation>Läufe durchsuchen</translation>
        </message>
        <message>
            <source>Show runs by mark</source>
            <translation>Läufe nach Markierung zeigen</translation>
        </message>
        <message>
            <source>Show runs made</source>
            <translation>Läufe zeigen, erstellt</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>Läufe</translation>
        </message>
        <message>
            <source>Columns of the run table</source>
            <translation>Spalten der Lauftabelle</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Abbrechen</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>&amp;Use These Inputs</source>
            <translation>Diese &amp;Eingaben verwenden</translation>
        </message>
        <message>
            <source>Copy Request &amp;ID</source>
            <translation>Anfrage-&amp;ID kopieren</translation>
        </message>
        <message>
            <source>Open Output &amp;Folder</source>
            <translation>Ausgabe&amp;ordner öffnen</translation>
        </message>
        <message>
            <source>Remove from &amp;History</source>
            <translation>Aus dem &amp;Verlauf entfernen</translation>
        </message>
        <message>
            <source>&amp;Export Images…</source>
            <translation>Bilder &amp;exportieren…</translation>
        </message>
        <message>
            <source>&amp;Star</source>
            <translation>&amp;Stern</translation>
        </message>
        <message>
            <source>Re&amp;ject</source>
            <translation>&amp;Verwerfen</translation>
        </message>
        <message>
            <source>C&amp;ompare…</source>
            <translation>Ver&amp;gleichen…</translation>
        </message>
        <message>
            <source>&amp;Delete with Files…</source>
            <translation>Mit Dateien &amp;löschen…</translation>
        </message>
        <message>
            <source>C&amp;lear History…</source>
            <translation>Verlauf &amp;leeren…</translation>
        </message>
        <message>
            <source>&amp;Attach to a Run by Request ID…</source>
            <translation>An einen Lauf per Anfrage-ID an&amp;hängen…</translation>
        </message>
        <message>
            <source>Move &amp;Earlier</source>
            <translation>&amp;Früher</translation>
        </message>
        <message>
            <source>Move &amp;Later</source>
            <translation>&amp;Später</translation>
        </message>
        <message>
            <source>{shown} of {runs}</source>
            <translation>{shown} von {runs}</translation>
        </message>
    </context>
    <context>
        <name>QuitPresenter</name>
        <message>
            <source>Quit Fizzly Desktop?</source>
            <extracomment>The settings key of the "Don't ask again" check box.</extracomment>
            <translation>Fizzly Desktop beenden?</translation>
        </message>
        <message>
            <source>Quit while runs are not finished?</source>
            <translation>Beenden, obwohl Läufe nicht fertig sind?</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Beenden</translation>
        </message>
        <message>
            <source>Keep open</source>
            <translation>Offen lassen</translation>
        </message>
        <message>
            <source>Don't ask again</source>
            <translation>Nicht mehr fragen</translation>
        </message>
    </context>
    <context>
        <name>Quitting</name>
        <message numerus="yes">
            <source>%n run(s) [is|are] waiting to be sent. [It is|They are] not sent until you reopen the app.</source>
            <extracomment>Runs the server has (or is being sent): they go on without the app.</extracomment>
            <translation>
                <numerusform>%n Lauf wartet darauf, gesendet zu werden. Er wird erst gesendet, wenn Sie die App wieder öffnen.</numerusform>
                <numerusform>%n Läufe warten darauf, gesendet zu werden. Sie werden erst gesendet, wenn Sie die App wieder öffnen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) [is|are] still running on the server. [It keeps|They keep] running and the app picks [it|them] up when you reopen it</source>
            <translation>
                <numerusform>%n Lauf läuft noch auf dem Server. Er läuft weiter, und die App übernimmt ihn, wenn Sie sie wieder öffnen</numerusform>
                <numerusform>%n Läufe laufen noch auf dem Server. Sie laufen weiter, und die App übernimmt sie, wenn Sie sie wieder öffnen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting batch run(s) [is|are] not sent</source>
            <translation>
                <numerusform>%n wartender Stapellauf wird nicht gesendet</numerusform>
                <numerusform>%n wartende Stapelläufe werden nicht gesendet</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting run(s) [is|are] not sent</source>
            <translation>
                <numerusform>%n wartender Lauf wird nicht gesendet</numerusform>
                <numerusform>%n wartende Läufe werden nicht gesendet</numerusform>
            </translation>
        </message>
        <message>
            <source>{text}; {unsent} until then.</source>
            <translation>{text}; bis dahin gilt: {unsent}.</translation>
        </message>
    </context>
    <context>
        <name>ReorderButtons</name>
        <message>
            <source>Move up</source>
            <translation>Nach oben</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>Nach unten</translation>
        </message>
    </context>
    <context>
        <name>RepeatTab</name>
        <message>
            <source>Number of runs</source>
            <translation>Anzahl der Läufe</translation>
        </message>
        <message>
            <source>Input that takes the seed</source>
            <translation>Eingabe, die den Seed erhält</translation>
        </message>
        <message>
            <source>No seed: repeat the same inputs</source>
            <translation>Kein Seed: dieselben Eingaben wiederholen</translation>
        </message>
        <message>
            <source>Different ran&amp;dom seeds</source>
            <translation>Verschiedene &amp;zufällige Seeds</translation>
        </message>
        <message>
            <source>&amp;Count up from:</source>
            <translation>&amp;Hochzählen ab:</translation>
        </message>
        <message>
            <source>First seed</source>
            <translation>Erster Seed</translation>
        </message>
        <message>
            <source>Number of r&amp;uns:</source>
            <translation>Anzahl der &amp;Läufe:</translation>
        </message>
        <message>
            <source>&amp;Seed input:</source>
            <translation>&amp;Seed-Eingabe:</translation>
        </message>
        <message>
            <source>Seeds:</source>
            <translation>Seeds:</translation>
        </message>
        <message>
            <source>The runs, in the order they are sent</source>
            <translation>Die Läufe in der Reihenfolge, in der sie gesendet werden</translation>
        </message>
        <message>
            <source>Runs:</source>
            <translation>Läufe:</translation>
        </message>
        <message>
            <source>Every run sends the same inputs; use this for workflows whose results vary by themselves.</source>
            <translation>Jeder Lauf sendet dieselben Eingaben; nützlich für Workflows, deren Ergebnisse von selbst variieren.</translation>
        </message>
        <message>
            <source>Repeat × {count}</source>
            <translation>Wiederholen × {count}</translation>
        </message>
        <message>
            <source>The first seed must be a whole number between {low} and {high}.</source>
            <translation>Der erste Seed muss eine ganze Zahl zwischen {low} und {high} sein.</translation>
        </message>
        <message>
            <source>Each run gets its own random {name} between {low} and {high}; the other inputs come from the form.</source>
            <translation>Jeder Lauf erhält seinen eigenen zufälligen Wert für {name} zwischen {low} und {high}; die anderen Eingaben kommen aus dem Formular.</translation>
        </message>
        <message>
            <source>{name}: {seeds}{last}, in order.</source>
            <translation>{name}: {seeds}{last}, der Reihe nach.</translation>
        </message>
    </context>
    <context>
        <name>RunDetails</name>
        <message>
            <source>Pending</source>
            <translation>Ausstehend</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Top up your credits on fizzly.ai, then retry the run.</source>
            <extracomment>Node statuses shown in their state's colour (readable on the row, in either scheme). What the user can do about an error, by the words the API's messages use.</extracomment>
            <translation>Laden Sie Ihre Credits auf fizzly.ai auf und wiederholen Sie dann den Lauf.</translation>
        </message>
        <message>
            <source>API access needs a PRO or ULTIMATE plan; check your plan on fizzly.ai.</source>
            <translation>Der API-Zugang erfordert einen PRO- oder ULTIMATE-Tarif; prüfen Sie Ihren Tarif auf fizzly.ai.</translation>
        </message>
        <message>
            <source>Open Profiles… and enter the key again (Settings on fizzly.ai lists your keys).</source>
            <translation>Öffnen Sie „Profile…“ und geben Sie den Schlüssel erneut ein (die Einstellungen auf fizzly.ai listen Ihre Schlüssel).</translation>
        </message>
        <message>
            <source>The app waits for the rate limit by itself; nothing to do.</source>
            <translation>Die App wartet von selbst auf das Ratenlimit; nichts zu tun.</translation>
        </message>
    </context>
    <context>
        <name>RunDetailsPanel</name>
        <message>
            <source>Run details</source>
            <extracomment>The "Made from" link: show the run (id) whose output this run's input came from.</extracomment>
            <translation>Details des Laufs</translation>
        </message>
        <message>
            <source>Select a run to see its progress, outputs and inputs.</source>
            <translation>Wählen Sie einen Lauf, um seinen Fortschritt, seine Ausgaben und Eingaben zu sehen.</translation>
        </message>
        <message>
            <source>In queue</source>
            <translation>In der Warteschlange</translation>
        </message>
        <message>
            <source>Copy request ID</source>
            <translation>Anfrage-ID kopieren</translation>
        </message>
        <message>
            <source>Use these inputs</source>
            <translation>Diese Eingaben verwenden</translation>
        </message>
        <message>
            <source>A new run with the same inputs; this one stays in the list.</source>
            <translation>Ein neuer Lauf mit denselben Eingaben; dieser bleibt in der Liste.</translation>
        </message>
        <message>
            <source>Ask the server once where this run is; it is followed again if the server answers.</source>
            <translation>Den Server einmal fragen, wo dieser Lauf ist; er wird wieder verfolgt, wenn der Server antwortet.</translation>
        </message>
        <message>
            <source>Take this run out of the list; nothing more is asked about it.</source>
            <translation>Diesen Lauf aus der Liste nehmen; es wird nicht mehr nach ihm gefragt.</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>Gesamtfortschritt</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Fehler</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Wartend</translation>
        </message>
        <message>
            <source>Details of the run</source>
            <extracomment>Asked again on every tick of the clock: what holds a waiting run back changes without the run changing (sending paused, its batch paused, the key's budget spent).</extracomment>
            <translation>Details des Laufs</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Eingaben</translation>
        </message>
        <message>
            <source>Logs</source>
            <translation>Protokolle</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fortschritt</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>Ausgaben</translation>
        </message>
        <message>
            <source>not sent yet</source>
            <translation>noch nicht gesendet</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <source>&lt;a href="{escape}"&gt;{escape2}&lt;/a&gt;</source>
            <translation>&lt;a href="{escape}"&gt;{escape2}&lt;/a&gt;</translation>
        </message>
        <message>
            <source>{credits} used</source>
            <translation>{credits} verbraucht</translation>
        </message>
        <message>
            <source>{credits} refunded</source>
            <translation>{credits} erstattet</translation>
        </message>
        <message>
            <source>total time {duration}</source>
            <translation>Gesamtzeit {duration}</translation>
        </message>
        <message>
            <source>took {duration}</source>
            <translation>dauerte {duration}</translation>
        </message>
        <message>
            <source>running for {duration}</source>
            <translation>läuft seit {duration}</translation>
        </message>
        <message>
            <source>retry of an earlier run</source>
            <translation>Wiederholung eines früheren Laufs</translation>
        </message>
        <message>
            <source>  (until {completed})</source>
            <translation>  (bis {completed})</translation>
        </message>
        <message>
            <source>No logs yet. They are fetched once the run ends.</source>
            <translation>Noch keine Protokolle. Sie werden abgerufen, sobald der Lauf endet.</translation>
        </message>
    </context>
    <context>
        <name>RunFilter</name>
        <message>
            <source>Starred, </source>
            <extracomment>Roles whose workflow cell carries the run's mark: shown as a sign, said as a word.</extracomment>
            <translation>Mit Stern, </translation>
        </message>
        <message>
            <source>Rejected, </source>
            <translation>Verworfen, </translation>
        </message>
    </context>
    <context>
        <name>RunModel</name>
        <message>
            <source>{used} charged, {plural_credits} refunded</source>
            <extracomment>The input names a prompt goes by, in the order they are looked for.</extracomment>
            <translation>{used} berechnet, {plural_credits} erstattet</translation>
        </message>
        <message>
            <source>{used} charged</source>
            <translation>{used} berechnet</translation>
        </message>
        <message>
            <source>{used} (refunded {credits})</source>
            <translation>{used} ({credits} erstattet)</translation>
        </message>
    </context>
    <context>
        <name>RunState</name>
        <message>
            <source>Draft</source>
            <extracomment>The one word for each state, everywhere the user sees a state (the architecture guide's table). Longer phrases built from these (position, node, reason) are in core/words.py.</extracomment>
            <translation>Entwurf</translation>
        </message>
        <message>
            <source>Waiting to send</source>
            <translation>Wartet auf Senden</translation>
        </message>
        <message>
            <source>Sending</source>
            <translation>Wird gesendet</translation>
        </message>
        <message>
            <source>Sent, no answer</source>
            <translation>Gesendet, keine Antwort</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>Abgelehnt</translation>
        </message>
        <message>
            <source>In queue</source>
            <translation>In der Warteschlange</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>Läuft</translation>
        </message>
        <message>
            <source>Cancelling</source>
            <translation>Wird abgebrochen</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
    </context>
    <context>
        <name>SchemaForm</name>
        <message>
            <source>Inputs as a form or as JSON</source>
            <translation>Eingaben als Formular oder als JSON</translation>
        </message>
        <message>
            <source>Form</source>
            <translation>Formular</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message numerus="yes">
            <source>Kept %n input(s) this form has no field for: {names}. They are sent as they are.</source>
            <translation>
                <numerusform>%n Eingabe beibehalten, für die dieses Formular kein Feld hat: {names}. Sie wird unverändert gesendet.</numerusform>
                <numerusform>%n Eingaben beibehalten, für die dieses Formular kein Feld hat: {names}. Sie werden unverändert gesendet.</numerusform>
            </translation>
        </message>
        <message>
            <source>{title}: the value {shown} cannot be shown in the form; it is kept.</source>
            <translation>{title}: Der Wert {shown} kann im Formular nicht gezeigt werden; er wird beibehalten.</translation>
        </message>
    </context>
    <context>
        <name>SearchPresenter</name>
        <message>
            <source>Starred {runs}.</source>
            <translation>{runs} mit Stern markiert.</translation>
        </message>
        <message>
            <source>Rejected {runs}: they stay until you delete them.</source>
            <translation>{runs} verworfen: Sie bleiben, bis Sie sie löschen.</translation>
        </message>
        <message>
            <source>Star taken off {runs}.</source>
            <translation>Stern von {runs} entfernt.</translation>
        </message>
        <message>
            <source>Reject taken off {runs}.</source>
            <translation>Verwerfen von {runs} zurückgenommen.</translation>
        </message>
        <message>
            <source>Star taken off {outputs}.</source>
            <translation>Stern von {outputs} entfernt.</translation>
        </message>
        <message>
            <source>Reject taken off {outputs}.</source>
            <translation>Verwerfen von {outputs} zurückgenommen.</translation>
        </message>
        <message>
            <source>Starred {outputs}.</source>
            <translation>{outputs} mit Stern markiert.</translation>
        </message>
        <message>
            <source>Rejected {outputs}: dimmed, kept until you delete their runs.</source>
            <translation>{outputs} verworfen: abgedunkelt, behalten, bis Sie ihre Läufe löschen.</translation>
        </message>
    </context>
    <context>
        <name>SeedField</name>
        <message>
            <source>Random each run</source>
            <translation>Bei jedem Lauf zufällig</translation>
        </message>
        <message>
            <source>New</source>
            <translation>Neu</translation>
        </message>
        <message>
            <source>Pick a new seed now</source>
            <translation>Jetzt einen neuen Seed wählen</translation>
        </message>
    </context>
    <context>
        <name>Services</name>
        <message>
            <source>Fizzly Desktop</source>
            <translation>Fizzly Desktop</translation>
        </message>
        <message>
            <source>Copied {text}</source>
            <translation>{text} kopiert</translation>
        </message>
    </context>
    <context>
        <name>StateFilterList</name>
        <message>
            <source>Run filters</source>
            <translation>Lauffilter</translation>
        </message>
    </context>
    <context>
        <name>StateGroup</name>
        <message>
            <source>All runs</source>
            <extracomment>When the server said ``queue_position`` (not kept in history: after a restart, a position of unknown age is shown as unknown). Whether the server still answers about this run (see :class:`Contact`). When contact was lost: the run's elapsed time stops there, as nothing is known since. Waiting in a paused batch: it will not be sent until the batch is resumed (not stored: the engine sets it from the batch's state whenever that changes or is loaded).</extracomment>
            <translation>Alle Läufe</translation>
        </message>
        <message>
            <source>Not sent yet</source>
            <translation>Noch nicht gesendet</translation>
        </message>
        <message>
            <source>On the server</source>
            <translation>Auf dem Server</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Fertig</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>Fehlgeschlagen</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>Braucht Aufmerksamkeit</translation>
        </message>
    </context>
    <context>
        <name>StatusPresenter</name>
        <message>
            <source>Batch “{name}” finished</source>
            <extracomment>How often, while runs are active, the garbage collector walks the objects made since. Counts come from the engine's tally; the title and sidebar need them four times a second.</extracomment>
            <translation>Stapel „{name}“ fertig</translation>
        </message>
        <message>
            <source>Fizzly Desktop</source>
            <translation>Fizzly Desktop</translation>
        </message>
    </context>
    <context>
        <name>SweepGrid</name>
        <message>
            <source>Progress of the batch</source>
            <translation>Fortschritt des Stapels</translation>
        </message>
        <message>
            <source>Runs by swept value</source>
            <translation>Läufe nach variiertem Wert</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <extracomment>Actions others add to the menu, last (grid_play.py: Play This Row Together…).</extracomment>
            <translation>Ö&amp;ffnen</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Abbrechen</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <source>&amp;Use These Inputs</source>
            <translation>Diese &amp;Eingaben verwenden</translation>
        </message>
        <message>
            <source>Copy Request &amp;ID</source>
            <translation>Anfrage-&amp;ID kopieren</translation>
        </message>
        <message>
            <source>&amp;Save as…</source>
            <translation>&amp;Speichern unter…</translation>
        </message>
        <message>
            <source>Copy &amp;image</source>
            <translation>B&amp;ild kopieren</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>&amp;Exportieren…</translation>
        </message>
        <message>
            <source>&amp;Star</source>
            <translation>&amp;Stern</translation>
        </message>
        <message>
            <source>Re&amp;ject</source>
            <translation>&amp;Verwerfen</translation>
        </message>
        <message>
            <source>C&amp;ompare…</source>
            <translation>Ver&amp;gleichen…</translation>
        </message>
        <message>
            <source>&amp;Delete with Files…</source>
            <translation>Mit Dateien &amp;löschen…</translation>
        </message>
        <message>
            <source>&amp;Export {exportable} images…</source>
            <translation>{exportable} Bilder &amp;exportieren…</translation>
        </message>
        <message>
            <source>No runs</source>
            <translation>Keine Läufe</translation>
        </message>
    </context>
    <context>
        <name>SweepGridModel</name>
        <message>
            <source> (seed {seed})</source>
            <translation> (Seed {seed})</translation>
        </message>
    </context>
    <context>
        <name>SweepTab</name>
        <message>
            <source>Columns</source>
            <translation>Spalten</translation>
        </message>
        <message>
            <source>In&amp;put:</source>
            <translation>Ein&amp;gabe:</translation>
        </message>
        <message>
            <source>&amp;Values:</source>
            <translation>&amp;Werte:</translation>
        </message>
        <message>
            <source>Rows (optional)</source>
            <translation>Zeilen (optional)</translation>
        </message>
        <message>
            <source>Inpu&amp;t:</source>
            <translation>Eingab&amp;e:</translation>
        </message>
        <message>
            <source>V&amp;alues:</source>
            <translation>W&amp;erte:</translation>
        </message>
        <message>
            <source>Runs in the sweep</source>
            <translation>Läufe der Variation</translation>
        </message>
        <message>
            <source>The grid the sweep makes, in the order runs are sent</source>
            <translation>Das Raster der Variation, in der Reihenfolge, in der die Läufe gesendet werden</translation>
        </message>
        <message>
            <source>Try every combination of the values of one or two inputs; the results are shown as a grid. Type values separated by commas (1, 2, 5), a range with a step (1..10 step 2) or a range with a count (0.5..1.5 x5); text values go one per line.</source>
            <translation>Jede Kombination der Werte einer oder zweier Eingaben ausprobieren; die Ergebnisse werden als Raster gezeigt. Geben Sie durch Kommas getrennte Werte ein (1, 2, 5), einen Bereich mit Schrittweite (1..10 step 2) oder einen Bereich mit Anzahl (0.5..1.5 x5); Textwerte einer pro Zeile.</translation>
        </message>
        <message>
            <source>This workflow has no input that can be swept.</source>
            <translation>Dieser Workflow hat keine Eingabe, die variiert werden kann.</translation>
        </message>
        <message>
            <source>Columns and rows both sweep {field}; choose a different input for rows.</source>
            <translation>Spalten und Zeilen variieren beide {field}; wählen Sie für die Zeilen eine andere Eingabe.</translation>
        </message>
        <message>
            <source>Choose an input to sweep.</source>
            <translation>Wählen Sie eine zu variierende Eingabe.</translation>
        </message>
        <message>
            <source>Enter the values for rows.</source>
            <translation>Geben Sie die Werte für die Zeilen ein.</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s)</source>
            <translation>
                <numerusform>%n Lauf</numerusform>
                <numerusform>%n Läufe</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{columns} × {rows} = %n run(s)</source>
            <translation>
                <numerusform>{columns} × {rows} = %n Lauf</numerusform>
                <numerusform>{columns} × {rows} = %n Läufe</numerusform>
            </translation>
        </message>
        <message>
            <source>Every cell uses {join}, so cells differ only by the swept values.</source>
            <translation>Jede Zelle verwendet {join}, daher unterscheiden sich Zellen nur durch die variierten Werte.</translation>
        </message>
        <message>
            <source>Sweep </source>
            <translation>Variation </translation>
        </message>
    </context>
    <context>
        <name>TextOutputBlock</name>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Copy this text to the clipboard</source>
            <translation>Diesen Text in die Zwischenablage kopieren</translation>
        </message>
        <message>
            <source>Output {name}</source>
            <translation>Ausgabe {name}</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>Copy {name}</source>
            <translation>{name} kopieren</translation>
        </message>
        <message>
            <source>{name} text</source>
            <translation>Text von {name}</translation>
        </message>
    </context>
    <context>
        <name>ThumbnailLoader</name>
        <message>
            <source>The image could not be opened.</source>
            <extracomment>When each cached thumbnail was last asked for.</extracomment>
            <translation>Das Bild konnte nicht geöffnet werden.</translation>
        </message>
    </context>
    <context>
        <name>Thumbnails</name>
        <message>
            <source>This file is not a picture the app can read (PNG, JPEG or WebP).</source>
            <extracomment>Decodes needing more memory than this are refused: a small file can claim a huge picture. Formats an output can come in; all three are read by Qt's bundled image plugins.</extracomment>
            <translation>Diese Datei ist kein Bild, das die App lesen kann (PNG, JPEG oder WebP).</translation>
        </message>
        <message>
            <source>The file is missing: it may have been moved or deleted.</source>
            <translation>Die Datei fehlt: Sie wurde möglicherweise verschoben oder gelöscht.</translation>
        </message>
        <message>
            <source>The file could not be read; check that it is still there and readable.</source>
            <translation>Die Datei konnte nicht gelesen werden; prüfen Sie, ob sie noch da und lesbar ist.</translation>
        </message>
        <message>
            <source>The image is too large to open safely ({width} × {height} pixels).</source>
            <translation>Das Bild ist zu groß, um es sicher zu öffnen ({width} × {height} Pixel).</translation>
        </message>
        <message>
            <source>The image file is damaged or incomplete.</source>
            <translation>Die Bilddatei ist beschädigt oder unvollständig.</translation>
        </message>
        <message>
            <source>The image could not be opened.</source>
            <translation>Das Bild konnte nicht geöffnet werden.</translation>
        </message>
    </context>
    <context>
        <name>UndoBar</name>
        <message>
            <source>Undo</source>
            <translation>Rückgängig</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>Löschen rückgängig machen</translation>
        </message>
    </context>
    <context>
        <name>Unions</name>
        <message>
            <source>Custom…</source>
            <translation>Benutzerdefiniert…</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>A number</source>
            <translation>Eine Zahl</translation>
        </message>
        <message>
            <source>Yes or no</source>
            <translation>Ja oder Nein</translation>
        </message>
        <message>
            <source>Several texts</source>
            <translation>Mehrere Texte</translation>
        </message>
        <message>
            <source>Several numbers</source>
            <translation>Mehrere Zahlen</translation>
        </message>
        <message>
            <source>Several entries</source>
            <translation>Mehrere Einträge</translation>
        </message>
        <message>
            <source>Several files</source>
            <translation>Mehrere Dateien</translation>
        </message>
        <message>
            <source>One file</source>
            <translation>Eine Datei</translation>
        </message>
        <message>
            <source>Several parts</source>
            <translation>Mehrere Teile</translation>
        </message>
    </context>
    <context>
        <name>WelcomeView</name>
        <message>
            <source>Welcome</source>
            <translation>Willkommen</translation>
        </message>
        <message>
            <source>{app} logo</source>
            <translation>Logo von {app}</translation>
        </message>
        <message>
            <source>Welcome to {APP_NAME}</source>
            <translation>Willkommen bei {APP_NAME}</translation>
        </message>
        <message>
            <source>Launch your Fizzly workflows, watch every run live, and keep the images they make.</source>
            <translation>Starten Sie Ihre Fizzly-Workflows, verfolgen Sie jeden Lauf live und behalten Sie die entstandenen Bilder.</translation>
        </message>
        <message>
            <source>Connect your Fizzly account</source>
            <translation>Ihr Fizzly-Konto verbinden</translation>
        </message>
        <message>
            <source>Paste an API key from your account settings. It is kept in your system's keyring, never in a file.</source>
            <translation>Fügen Sie einen API-Schlüssel aus Ihren Kontoeinstellungen ein. Er wird im Schlüsselbund Ihres Systems aufbewahrt, nie in einer Datei.</translation>
        </message>
        <message>
            <source>Where do I find my key?</source>
            <translation>Wo finde ich meinen Schlüssel?</translation>
        </message>
        <message>
            <source>Open your account settings to create an API key</source>
            <translation>Ihre Kontoeinstellungen öffnen, um einen API-Schlüssel zu erstellen</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>Verbinden</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Arbeitet</translation>
        </message>
        <message>
            <source>Connection status</source>
            <translation>Verbindungsstatus</translation>
        </message>
        <message>
            <source>Keep for this session only</source>
            <translation>Nur für diese Sitzung behalten</translation>
        </message>
        <message>
            <source>Keep the key in memory until the app quits, without saving it</source>
            <translation>Den Schlüssel bis zum Beenden der App im Speicher behalten, ohne ihn zu speichern</translation>
        </message>
        <message>
            <source>Try the local sandbox</source>
            <translation>Die lokale Sandbox ausprobieren</translation>
        </message>
        <message>
            <source>Run demo workflows on this computer: no account, no internet and no credits needed. You can connect your account any time later.</source>
            <translation>Demo-Workflows auf diesem Computer ausführen: kein Konto, kein Internet und keine Credits nötig. Sie können Ihr Konto jederzeit später verbinden.</translation>
        </message>
        <message>
            <source>Try the sandbox</source>
            <translation>Sandbox ausprobieren</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>No web browser could be opened. Visit {API_KEYS_URL} to create a key.</source>
            <translation>Es konnte kein Webbrowser geöffnet werden. Besuchen Sie {API_KEYS_URL}, um einen Schlüssel zu erstellen.</translation>
        </message>
        <message>
            <source>Paste your API key first.</source>
            <translation>Fügen Sie zuerst Ihren API-Schlüssel ein.</translation>
        </message>
        <message>
            <source>Checking your key…</source>
            <translation>Ihr Schlüssel wird geprüft…</translation>
        </message>
    </context>
    <context>
        <name>Words</name>
        <message>
            <source>position unknown</source>
            <extracomment>A run the app can no longer reach the server of (shown in "Needs attention"); English here, translated where shown (``Contact.LOST.label``). A run the server answers 404 for: it no longer knows it (shown in "Needs attention"). What a queued run says where its place is not known, or was heard too long ago.</extracomment>
            <translation>Position unbekannt</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s)</source>
            <extracomment>A queue position heard longer ago than this may have moved on: it is shown as stale. Plurals that do not just add an "s". The counted words the window uses, as phrases a translation gives every plural form of.</extracomment>
            <translation>
                <numerusform>%n Lauf</numerusform>
                <numerusform>%n Läufe</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n batch(es)</source>
            <translation>
                <numerusform>%n Stapel</numerusform>
                <numerusform>%n Stapel</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s)</source>
            <translation>
                <numerusform>%n Datei</numerusform>
                <numerusform>%n Dateien</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n output(s)</source>
            <translation>
                <numerusform>%n Ausgabe</numerusform>
                <numerusform>%n Ausgaben</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n Element</numerusform>
                <numerusform>%n Elemente</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n character(s)</source>
            <translation>
                <numerusform>%n Zeichen</numerusform>
                <numerusform>%n Zeichen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n saved file(s)</source>
            <translation>
                <numerusform>%n gespeicherte Datei</numerusform>
                <numerusform>%n gespeicherte Dateien</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n starred run(s)</source>
            <translation>
                <numerusform>%n Lauf mit Stern</numerusform>
                <numerusform>%n Läufe mit Stern</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n credit(s)</source>
            <translation>
                <numerusform>%n Credit</numerusform>
                <numerusform>%n Credits</numerusform>
            </translation>
        </message>
        <message>
            <source>position {position}</source>
            <translation>Position {position}</translation>
        </message>
        <message>
            <source>The server has not said this run's place in its queue yet.</source>
            <translation>Der Server hat den Platz dieses Laufs in seiner Warteschlange noch nicht genannt.</translation>
        </message>
        <message>
            <source>some time ago</source>
            <translation>vor einiger Zeit</translation>
        </message>
        <message>
            <source>{duration} ago</source>
            <translation>vor {duration}</translation>
        </message>
        <message>
            <source>The server said position {queue_position} {heard}. Positions are asked again while the run is on screen.</source>
            <translation>Der Server nannte {heard} Position {queue_position}. Positionen werden erneut abgefragt, solange der Lauf sichtbar ist.</translation>
        </message>
        <message>
            <source>{percent} %</source>
            <translation>{percent} %</translation>
        </message>
        <message>
            <source>Cancelled (refunded {plural_credits})</source>
            <translation>Abgebrochen ({plural_credits} erstattet)</translation>
        </message>
        <message>
            <source>Cancelled (nothing charged)</source>
            <translation>Abgebrochen (nichts berechnet)</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Abgebrochen</translation>
        </message>
        <message>
            <source>no reason given</source>
            <translation>kein Grund angegeben</translation>
        </message>
        <message>
            <source>{word} (check or run again)</source>
            <translation>{word} (prüfen oder erneut ausführen)</translation>
        </message>
        <message>
            <source>Next in the server's queue.</source>
            <extracomment>The name of the run's batch when it is paused, with the pause's reason. Sending is paused for every run (File &gt; Pause sending). As many runs as allowed at once are already on the server. The key's request budget is spent: requests wait for it to refill.</extracomment>
            <translation>Als Nächstes in der Warteschlange des Servers.</translation>
        </message>
        <message>
            <source>In the server's queue behind {plural}.</source>
            <translation>In der Warteschlange des Servers hinter {plural}.</translation>
        </message>
        <message>
            <source>In the server's queue (its place there is not known just now).</source>
            <translation>In der Warteschlange des Servers (sein Platz dort ist gerade nicht bekannt).</translation>
        </message>
        <message>
            <source>Being sent; waiting for the key's request limit to allow it.</source>
            <translation>Wird gesendet; wartet, bis das Anfragelimit des Schlüssels es erlaubt.</translation>
        </message>
        <message>
            <source>Being sent to the server.</source>
            <translation>Wird an den Server gesendet.</translation>
        </message>
        <message>
            <source>Its batch “{paused_batch}” is paused.{reason}</source>
            <translation>Sein Stapel „{paused_batch}“ ist angehalten.{reason}</translation>
        </message>
        <message>
            <source>Sending is paused: resume sending to let it go.</source>
            <translation>Das Senden ist angehalten: Setzen Sie das Senden fort, damit er losgeht.</translation>
        </message>
        <message>
            <source>Waiting for the key's request limit to allow another send.</source>
            <translation>Wartet, bis das Anfragelimit des Schlüssels ein weiteres Senden erlaubt.</translation>
        </message>
        <message>
            <source>Waiting for a free slot: as many runs as allowed are already on the server.</source>
            <translation>Wartet auf einen freien Platz: Es sind bereits so viele Läufe auf dem Server wie erlaubt.</translation>
        </message>
        <message>
            <source>Next to be sent.</source>
            <translation>Wird als Nächstes gesendet.</translation>
        </message>
        <message>
            <source>Waiting {duration}</source>
            <translation>Wartet seit {duration}</translation>
        </message>
        <message>
            <source>{done} of {runs} done</source>
            <translation>{done} von {runs} fertig</translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n fehlgeschlagen</numerusform>
                <numerusform>%n fehlgeschlagen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n cancelled</source>
            <translation>
                <numerusform>%n abgebrochen</numerusform>
                <numerusform>%n abgebrochen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n [needs|need] attention</source>
            <translation>
                <numerusform>%n braucht Aufmerksamkeit</numerusform>
                <numerusform>%n brauchen Aufmerksamkeit</numerusform>
            </translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
    </context>
    <context>
        <name>WorkflowLibraryPanel</name>
        <message>
            <source>No workflows yet. Add one with its name on Fizzly (like studio/portrait-xl), or from a file of its inputs.</source>
            <translation>Noch keine Workflows. Fügen Sie einen mit seinem Namen auf Fizzly hinzu (etwa studio/portrait-xl) oder aus einer Datei seiner Eingaben.</translation>
        </message>
        <message>
            <source>Workflows</source>
            <translation>Workflows</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>Hinzufügen…</translation>
        </message>
        <message>
            <source>Add a workflow by name or address</source>
            <translation>Einen Workflow per Name oder Adresse hinzufügen</translation>
        </message>
        <message>
            <source>Edit inputs…</source>
            <translation>Eingaben bearbeiten…</translation>
        </message>
        <message>
            <source>More</source>
            <translation>Mehr</translation>
        </message>
        <message>
            <source>No workflows yet</source>
            <translation>Noch keine Workflows</translation>
        </message>
        <message>
            <source>Add Workflow…</source>
            <translation>Workflow hinzufügen…</translation>
        </message>
        <message>
            <source>{owner}/{slug} is not in your library.</source>
            <translation>{owner}/{slug} ist nicht in Ihrer Bibliothek.</translation>
        </message>
        <message>
            <source>No workflow library is open.</source>
            <translation>Keine Workflow-Bibliothek ist geöffnet.</translation>
        </message>
        <message>
            <source>The app is closing; nothing was changed.</source>
            <translation>Die App wird geschlossen; nichts wurde geändert.</translation>
        </message>
    </context>
    <context>
        <name>_DecodeQueue</name>
        <message>
            <source>The image could not be opened.</source>
            <extracomment>How much lower than the GUI thread decoders run (Linux nice steps): on a busy machine the GUI thread gets the core first, and thumbnails arrive a little later instead.</extracomment>
            <translation>Das Bild konnte nicht geöffnet werden.</translation>
        </message>
    </context>
    <context>
        <name>_FilterTallies</name>
        <message>
            <source>Unnamed batch</source>
            <translation>Unbenannter Stapel</translation>
        </message>
    </context>
    <context>
        <name>_ImageCanvas</name>
        <message>
            <source>Image</source>
            <translation>Bild</translation>
        </message>
    </context>
    <context>
        <name>_Job</name>
        <message>
            <source>The file could not be read: {exc}.</source>
            <translation>Die Datei konnte nicht gelesen werden: {exc}.</translation>
        </message>
    </context>
</TS>
