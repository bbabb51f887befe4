<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>About</name>
        <message>
            <source>&lt;h3&gt;{APP_NAME} {version__}&lt;/h3&gt;&lt;p&gt;Launch Fizzly workflow runs, watch each node's progress live, and keep the images that come out.&lt;/p&gt;&lt;p&gt;Python {python_version} · PySide6 {pyside_version}&lt;/p&gt;&lt;p&gt;History: {escape}&lt;br&gt;Logs: {escape2}&lt;/p&gt;</source>
            <translation>&lt;h3&gt;{APP_NAME} {version__}&lt;/h3&gt;&lt;p&gt;启动 Fizzly 工作流运行，实时查看每个节点的进度，并保存生成的图像。&lt;/p&gt;&lt;p&gt;Python {python_version} · PySide6 {pyside_version}&lt;/p&gt;&lt;p&gt;历史记录：{escape}&lt;br&gt;日志：{escape2}&lt;/p&gt;</translation>
        </message>
        <message>
            <source>About {APP_NAME}</source>
            <translation>关于 {APP_NAME}</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>PNG image</source>
            <translation>PNG 图像</translation>
        </message>
        <message>
            <source>WebP image</source>
            <translation>WebP 图像</translation>
        </message>
        <message>
            <source>JPEG image</source>
            <translation>JPEG 图像</translation>
        </message>
        <message>
            <source>with its run details (.json) beside it</source>
            <extracomment>The second file type of the Save dialog: the image and its run description beside it.</extracomment>
            <translation>并在旁边附上运行详情（.json）</translation>
        </message>
        <message>
            <source>File</source>
            <extracomment>Decoding for the clipboard refuses pictures that would need more memory than this.</extracomment>
            <translation>文件</translation>
        </message>
    </context>
    <context>
        <name>AddWorkflowDialog</name>
        <message>
            <source>Ask the server</source>
            <translation>询问服务器</translation>
        </message>
        <message>
            <source>Import a schema file (JSON Schema or OpenAPI)</source>
            <translation>导入架构文件（JSON Schema 或 OpenAPI）</translation>
        </message>
        <message>
            <source>Paste an example of the inputs (JSON)</source>
            <translation>粘贴输入示例（JSON）</translation>
        </message>
        <message>
            <source>Set up the inputs myself</source>
            <translation>自行设置输入</translation>
        </message>
        <message>
            <source>Add a workflow</source>
            <translation>添加工作流</translation>
        </message>
        <message>
            <source>owner/slug, or paste the workflow's address</source>
            <translation>所有者/名称，或粘贴工作流的地址</translation>
        </message>
        <message>
            <source>Shown in the sidebar</source>
            <translation>显示在侧边栏中</translation>
        </message>
        <message>
            <source>A .json file</source>
            <translation>一个 .json 文件</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Operation</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Operation:</source>
            <translation>操作：</translation>
        </message>
        <message>
            <source>{"prompt": "A red fox in the snow", "seed": 42}</source>
            <translation>{"prompt": "雪地里的一只红狐狸", "seed": 42}</translation>
        </message>
        <message>
            <source>The server is asked for the inputs. If it does not describe them, the workflow starts with a prompt and a seed, and you can change them later.</source>
            <translation>将向服务器询问输入。如果服务器未描述输入，工作流将以一个提示词和一个种子开始，之后可以修改。</translation>
        </message>
        <message>
            <source>After adding, a field editor opens to list the inputs one by one.</source>
            <translation>添加后会打开字段编辑器，逐个列出输入。</translation>
        </message>
        <message>
            <source>Workflow:</source>
            <translation>工作流：</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Inputs:</source>
            <translation>输入：</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>e.g. demo/text-to-image</source>
            <translation>例如 demo/text-to-image</translation>
        </message>
        <message>
            <source>Workflow {owner}/{slug}</source>
            <translation>工作流 {owner}/{slug}</translation>
        </message>
        <message>
            <source>Import a schema</source>
            <translation>导入架构</translation>
        </message>
        <message>
            <source>JSON files (*.json);;All files (*)</source>
            <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Choose the schema file to import.</source>
            <translation>选择要导入的架构文件。</translation>
        </message>
    </context>
    <context>
        <name>AppController</name>
        <message>
            <source>Welcome</source>
            <extracomment>Set once start-up work (sandbox, history, engine) is done, whatever its outcome.</extracomment>
            <translation>欢迎</translation>
        </message>
        <message>
            <source>Choose how to start</source>
            <translation>选择开始方式</translation>
        </message>
    </context>
    <context>
        <name>AppStatusBar</name>
        <message>
            <source>Server</source>
            <extracomment>The connection's dot and words in the colour of what they mean (readable in either scheme).</extracomment>
            <translation>服务器</translation>
        </message>
        <message>
            <source>Connection</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>Rate limit budget</source>
            <translation>速率限制余量</translation>
        </message>
        <message>
            <source>Runs on the server and not sent yet</source>
            <translation>服务器上的运行和尚未发送的运行</translation>
        </message>
        <message>
            <source>Credits used this session</source>
            <translation>本次会话已用积分</translation>
        </message>
        <message>
            <source>Rate limit: —</source>
            <translation>速率限制：—</translation>
        </message>
        <message>
            <source>Rate limit: {remaining} of {limit} left</source>
            <translation>速率限制：剩余 {remaining} / {limit}</translation>
        </message>
        <message>
            <source> · resets in {seconds} s</source>
            <translation> · {seconds} 秒后重置</translation>
        </message>
        <message>
            <source>{active} on the server · {queued} not sent yet</source>
            <translation>服务器上 {active} 个 · {queued} 个尚未发送</translation>
        </message>
        <message>
            <source>{plural_credits} this session</source>
            <translation>本次会话 {plural_credits}</translation>
        </message>
    </context>
    <context>
        <name>AttachDialog</name>
        <message>
            <source>Attach to a Run</source>
            <translation>关联到运行</translation>
        </message>
        <message>
            <source>Follow a run sent from elsewhere (another computer, a script, a webhook log): paste its request ID and choose its workflow. The server is asked first; its inputs stay unknown here.</source>
            <translation>跟踪从其他地方发送的运行（另一台电脑、脚本、Webhook 日志）：粘贴其请求 ID 并选择其工作流。会先询问服务器；其输入在此处保持未知。</translation>
        </message>
        <message>
            <source>Request ID</source>
            <translation>请求 ID</translation>
        </message>
        <message>
            <source>Workflow</source>
            <translation>工作流</translation>
        </message>
        <message>
            <source>owner/workflow, as in the library</source>
            <translation>所有者/工作流，与库中一致</translation>
        </message>
        <message>
            <source>&amp;Request ID:</source>
            <translation>请求 ID(&amp;R)：</translation>
        </message>
        <message>
            <source>&amp;Workflow:</source>
            <translation>工作流(&amp;W)：</translation>
        </message>
        <message>
            <source>Attach</source>
            <translation>关联</translation>
        </message>
        <message>
            <source>Asking the server…</source>
            <translation>正在询问服务器…</translation>
        </message>
    </context>
    <context>
        <name>AxisEditor</name>
        <message>
            <source>None (a single row)</source>
            <translation>无（单行）</translation>
        </message>
        <message>
            <source>{title}: input to sweep</source>
            <translation>{title}：要扫描的输入</translation>
        </message>
        <message>
            <source>{title}: values to try</source>
            <translation>{title}：要尝试的值</translation>
        </message>
        <message>
            <source>{title}: values found</source>
            <translation>{title}：找到的值</translation>
        </message>
        <message numerus="yes">
            <source>✓ %n value(s): {values_preview}</source>
            <translation>
                <numerusform>✓ %n 个值：{values_preview}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BannerPresenter</name>
        <message numerus="yes">
            <source> (and %n more batch(es) not sending)</source>
            <translation>
                <numerusform> （另有 %n 个批次未在发送）</numerusform>
            </translation>
        </message>
        <message>
            <source>Cancel batch</source>
            <translation>取消批次</translation>
        </message>
        <message>
            <source>Cancel every unfinished run of “{name}”? Runs not sent yet are dropped; runs on the server are cancelled and their unused credits refunded.</source>
            <translation>取消“{name}”中所有未完成的运行？尚未发送的运行将被丢弃；服务器上的运行将被取消，未使用的积分将退还。</translation>
        </message>
    </context>
    <context>
        <name>BatchBanner</name>
        <message>
            <source>Paused batch</source>
            <translation>已暂停的批次</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>Resume batch</source>
            <translation>继续批次</translation>
        </message>
        <message>
            <source>Cancel batch</source>
            <translation>取消批次</translation>
        </message>
    </context>
    <context>
        <name>BatchBar</name>
        <message>
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Stop sending this batch's waiting runs</source>
            <translation>停止发送此批次中等待的运行</translation>
        </message>
        <message>
            <source>Cancel batch</source>
            <translation>取消批次</translation>
        </message>
        <message>
            <source>Cancel every run of this batch not yet finished</source>
            <translation>取消此批次中所有尚未完成的运行</translation>
        </message>
        <message>
            <source>Retry failed</source>
            <translation>重试失败项</translation>
        </message>
        <message>
            <source>Send this batch's failed runs again, as new runs</source>
            <translation>将此批次中失败的运行作为新运行重新发送</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Show the batch's outputs as a grid by the swept values</source>
            <translation>按扫描值以网格显示此批次的输出</translation>
        </message>
        <message>
            <source>Batch:</source>
            <translation>批次：</translation>
        </message>
    </context>
    <context>
        <name>BatchBuilderDialog</name>
        <message>
            <source>Nothing to queue yet.</source>
            <translation>尚无可加入队列的内容。</translation>
        </message>
        <message>
            <source>Build batch — {workflow_name}</source>
            <translation>创建批次 — {workflow_name}</translation>
        </message>
        <message>
            <source>Make many runs of {workflow_name} at once, starting from the values in the form. Nothing is sent until you queue them.</source>
            <translation>基于表单中的值，一次创建 {workflow_name} 的多个运行。在你将它们加入队列之前不会发送任何内容。</translation>
        </message>
        <message>
            <source>How to make the runs</source>
            <translation>如何创建运行</translation>
        </message>
        <message>
            <source>&amp;Repeat</source>
            <translation>重复(&amp;R)</translation>
        </message>
        <message>
            <source>S&amp;weep</source>
            <translation>扫描(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;Import file</source>
            <translation>导入文件(&amp;I)</translation>
        </message>
        <message>
            <source>Batch name</source>
            <translation>批次名称</translation>
        </message>
        <message>
            <source>Batch &amp;name:</source>
            <translation>批次名称(&amp;N)：</translation>
        </message>
        <message>
            <source>Batch summary</source>
            <translation>批次摘要</translation>
        </message>
        <message>
            <source>Why the batch cannot be queued</source>
            <translation>批次无法加入队列的原因</translation>
        </message>
        <message>
            <source>Queue runs</source>
            <translation>加入队列</translation>
        </message>
        <message>
            <source>Queue the runs</source>
            <translation>将运行加入队列</translation>
        </message>
        <message>
            <source>The form's values have a problem: {message} Fix it in the form first.</source>
            <translation>表单中的值有问题：{message} 请先在表单中修正。</translation>
        </message>
        <message>
            <source>Repeat</source>
            <translation>重复</translation>
        </message>
        <message>
            <source>Sweep</source>
            <translation>扫描</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message numerus="yes">
            <source>Queue %n run(s)</source>
            <translation>
                <numerusform>将 %n 个运行加入队列</numerusform>
            </translation>
        </message>
        <message>
            <source>No runs yet</source>
            <translation>尚无运行</translation>
        </message>
    </context>
    <context>
        <name>BatchController</name>
        <message>
            <source>All runs</source>
            <extracomment>Told the runs of a batch about to be cancelled (the queue says what became of them).</extracomment>
            <translation>所有运行</translation>
        </message>
        <message>
            <source> · paused: {pause_reason}</source>
            <translation> · 已暂停：{pause_reason}</translation>
        </message>
        <message>
            <source> · paused</source>
            <translation> · 已暂停</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Cancel batch</source>
            <translation>取消批次</translation>
        </message>
        <message>
            <source>Cancel every unfinished run of “{name}”? Runs not sent yet are dropped; runs on the server are cancelled and their unused credits refunded.</source>
            <translation>取消“{name}”中所有未完成的运行？尚未发送的运行将被丢弃；服务器上的运行将被取消，未使用的积分将退还。</translation>
        </message>
    </context>
    <context>
        <name>Cancels</name>
        <message>
            <source>Done before the cancel reached the server · charged as usual</source>
            <extracomment>States a cancelled run can still pass through before it settles.</extracomment>
            <translation>取消请求到达服务器前已完成 · 照常计费</translation>
        </message>
        <message>
            <source>Failed before the cancel reached the server</source>
            <translation>取消请求到达服务器前已失败</translation>
        </message>
        <message>
            <source>Refused by the server · nothing charged</source>
            <translation>被服务器拒绝 · 未计费</translation>
        </message>
        <message>
            <source>Sent, no answer: check the run before sending it again</source>
            <translation>已发送，无应答：再次发送前请先检查该运行</translation>
        </message>
        <message>
            <source>{credits} refunded</source>
            <translation>已退还 {credits}</translation>
        </message>
        <message>
            <source>nothing refunded</source>
            <translation>未退还</translation>
        </message>
        <message>
            <source>Unknown to the server: it no longer knows this run</source>
            <translation>服务器未知：服务器已不再知道此运行</translation>
        </message>
        <message>
            <source>Not sent · nothing charged</source>
            <translation>未发送 · 未计费</translation>
        </message>
        <message>
            <source>Cancelled · {refund}</source>
            <translation>已取消 · {refund}</translation>
        </message>
        <message>
            <source>Finished before the cancel reached the server</source>
            <translation>取消请求到达服务器前已结束</translation>
        </message>
        <message>
            <source>{cancelled} cancelled · {refund}</source>
            <translation>{cancelled} 个已取消 · {refund}</translation>
        </message>
        <message>
            <source>{unsent} not sent · nothing charged</source>
            <translation>{unsent} 个未发送 · 未计费</translation>
        </message>
        <message>
            <source>{finished} finished before the cancel reached the server</source>
            <translation>{finished} 个在取消请求到达服务器前已结束</translation>
        </message>
        <message>
            <source>{gone} unknown to the server</source>
            <translation>{gone} 个服务器未知</translation>
        </message>
    </context>
    <context>
        <name>Cell</name>
        <message>
            <source> · starred</source>
            <extracomment>Longest header shown in full; longer swept values are shortened (the tooltip has all). Side of the thumbnails asked of the provider: cells scale them to fit. Marks a cell's run can have: starred (a badge in the corner) or rejected (dimmed). The run's seed ("" when it has none): tells apart tiles that sweep nothing else. ``STAR``, ``REJECT`` or None: the run's mark (or its picture's).</extracomment>
            <translation> · 已加星标</translation>
        </message>
        <message>
            <source> · rejected</source>
            <translation> · 已弃用</translation>
        </message>
    </context>
    <context>
        <name>ChainPresenter</name>
        <message>
            <source>Use as Input</source>
            <extracomment>The output put into a form's image field, recorded on the next run sent with it.</extracomment>
            <translation>用作输入</translation>
        </message>
        <message>
            <source>No workflow in your library takes an image.</source>
            <translation>你的库中没有接受图像的工作流。</translation>
        </message>
        <message>
            <source>{ref} is not in your library any more: add it again to use this image.</source>
            <translation>{ref} 已不在你的库中：请重新添加后再使用此图像。</translation>
        </message>
        <message>
            <source>The form of {ref} has no image field “{field}” now: choose the image there.</source>
            <translation>{ref} 的表单中已没有图像字段“{field}”：请在那里选择图像。</translation>
        </message>
        <message>
            <source>The picture is in “{title}”: set the rest and run; the run will remember where it came from.</source>
            <translation>图像已在“{title}”中：设置其余内容后运行；该运行会记住图像的来源。</translation>
        </message>
        <message>
            <source>Made from {output} of a run deleted since</source>
            <translation>由一个已删除运行的 {output} 生成</translation>
        </message>
        <message>
            <source>Made from {output} of {workflow} ({made}) as {field}</source>
            <translation>由 {workflow}（{made}）的 {output} 生成，作为 {field}</translation>
        </message>
    </context>
    <context>
        <name>ColorField</name>
        <message>
            <source>Choose a colour</source>
            <translation>选择颜色</translation>
        </message>
        <message>
            <source>{title}: choose a colour</source>
            <translation>{title}：选择颜色</translation>
        </message>
        <message>
            <source>{title} must be a colour code such as {example}.</source>
            <translation>{title} 必须是颜色代码，例如 {example}。</translation>
        </message>
    </context>
    <context>
        <name>ColorScheme</name>
        <message>
            <source>Same as the &amp;System</source>
            <extracomment>Where the choice is kept in the app's settings (window.ini).</extracomment>
            <translation>跟随系统(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>浅色(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>深色(&amp;D)</translation>
        </message>
    </context>
    <context>
        <name>ColorSchemeFollower</name>
        <message>
            <source>&amp;Appearance</source>
            <translation>外观(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>Columns</name>
        <message>
            <source>Workflow</source>
            <extracomment>Changed rows at most this far apart are announced in one span (see _emit_columns).</extracomment>
            <translation>工作流</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>队列</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Current node</source>
            <translation>当前节点</translation>
        </message>
        <message>
            <source>Credits</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Elapsed</source>
            <translation>已用时间</translation>
        </message>
        <message>
            <source>Submitted</source>
            <translation>提交时间</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>种子</translation>
        </message>
        <message>
            <source>Prompt</source>
            <translation>提示词</translation>
        </message>
    </context>
    <context>
        <name>ComparePane</name>
        <message>
            <source>Image: {caption}</source>
            <extracomment>In swipe mode: the image right of the slider.</extracomment>
            <translation>图像：{caption}</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
    </context>
    <context>
        <name>CompareView</name>
        <message>
            <source>Compare {captions} images</source>
            <translation>比较 {captions} 张图像</translation>
        </message>
        <message>
            <source>&amp;Swipe between the two</source>
            <translation>在两张之间滑动(&amp;S)</translation>
        </message>
        <message>
            <source>Swipe position</source>
            <translation>滑动位置</translation>
        </message>
        <message>
            <source>Wheel to zoom, drag to pan, double-click to fit: every image follows.</source>
            <translation>滚轮缩放，拖动平移，双击适应：所有图像同步跟随。</translation>
        </message>
        <message>
            <source>Inputs that differ</source>
            <translation>不同的输入</translation>
        </message>
        <message>
            <source>Input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>The runs' inputs are the same.</source>
            <translation>这些运行的输入相同。</translation>
        </message>
    </context>
    <context>
        <name>Connection</name>
        <message>
            <source>Not connected</source>
            <translation>未连接</translation>
        </message>
        <message>
            <source>Starting the local sandbox…</source>
            <translation>正在启动本地沙盒…</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>正在连接…</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>已连接</translation>
        </message>
        <message>
            <source>Can't reach the server</source>
            <translation>无法连接到服务器</translation>
        </message>
        <message>
            <source>No API key</source>
            <translation>没有 API 密钥</translation>
        </message>
        <message>
            <source>Checking the key…</source>
            <translation>正在检查密钥…</translation>
        </message>
        <message>
            <source>Key rejected: open Profiles to replace it</source>
            <translation>密钥被拒绝：请打开“配置文件”进行替换</translation>
        </message>
    </context>
    <context>
        <name>Contact</name>
        <message>
            <source>Lost contact</source>
            <extracomment>The states a user may retry from: a retry is a new run linked to the old one. Every legal change of state. A state missing from a row's set is refused. The server could not be reached for a while, or the run's addresses no longer match its profile's (the key is never sent there): nothing is known, so nothing is shown moving. The server answered 404: it no longer knows this run. The local record stays.</extracomment>
            <translation>失去连接</translation>
        </message>
        <message>
            <source>Unknown to the server</source>
            <translation>服务器未知</translation>
        </message>
    </context>
    <context>
        <name>DateRanges</name>
        <message>
            <source>Any time</source>
            <extracomment>The schema step that adds the index, its triggers and fills it from the existing runs. The date choices beside the search: (words, value). Days are the computer's calendar days.</extracomment>
            <translation>任何时间</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>最近 7 天</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>最近 30 天</translation>
        </message>
    </context>
    <context>
        <name>DateTime</name>
        <message>
            <source>dd MMM HH:mm</source>
            <extracomment>The OutputItem of a row. Changed (in ``dataChanged``) when a row's thumbnail became available. Batch filter value selecting outputs of single runs (not part of a batch). Kind filter values: pictures and other media (the default), text and JSON, or everything. The output kinds that are not media: shown by the "Text and data" choice. Thumbnail sizes decoded; a tile shows the smallest one at least as large as itself, so dragging the size slider does not decode every image again for every pixel.</extracomment>
            <translation>M月d日 HH:mm</translation>
        </message>
    </context>
    <context>
        <name>DetailsPresenter</name>
        <message>
            <source>Run again</source>
            <extracomment>Told the runs about to be cancelled, so the status bar says what came back (the queue's watch: the same notice however the cancel was asked for). Shows a run just started (a retry) in the queue, selected: the queue's.</extracomment>
            <translation>再次运行</translation>
        </message>
        <message>
            <source>Take this run out of the list? The app will no longer ask the server about it; if it is still running there, it may still finish and cost credits. Saved images stay on disk.</source>
            <translation>将此运行从列表中移除？应用将不再向服务器询问它；如果它仍在服务器上运行，仍可能完成并消耗积分。已保存的图像会保留在磁盘上。</translation>
        </message>
        <message>
            <source>Forget run</source>
            <translation>忘记运行</translation>
        </message>
        <message>
            <source>Its cost is not known yet: no run of this workflow has finished here.</source>
            <translation>其费用尚不可知：此工作流在这里还没有完成过运行。</translation>
        </message>
        <message>
            <source>It costs about {credits} credits, like the last one.</source>
            <translation>约需 {credits} 积分，与上一次相同。</translation>
        </message>
        <message>
            <source>Send a new run of {name} with the same inputs? {cost} This run stays in the list until you forget it.</source>
            <translation>用相同的输入发送 {name} 的新运行？{cost} 在你忘记此运行之前，它会一直留在列表中。</translation>
        </message>
        <message>
            <source>Starting the local sandbox…</source>
            <translation>正在启动本地沙盒…</translation>
        </message>
        <message>
            <source>The server still does not answer about this run. Check that it is running and reachable, then check again.</source>
            <translation>服务器仍未回应此运行。请检查服务器是否正在运行且可访问，然后再次检查。</translation>
        </message>
        <message>
            <source>The server no longer knows this run. Run it again, or forget it.</source>
            <translation>服务器已不再知道此运行。请再次运行或忘记它。</translation>
        </message>
        <message>
            <source>The server answered: the run is followed again.</source>
            <translation>服务器已回应：将继续跟踪此运行。</translation>
        </message>
    </context>
    <context>
        <name>EnumField</name>
        <message>
            <source>Type to search</source>
            <extracomment>Longer lists of choices can be searched by typing.</extracomment>
            <translation>输入以搜索</translation>
        </message>
    </context>
    <context>
        <name>Fetching</name>
        <message>
            <source>{display_name}: no server to ask for its inputs; it starts with a prompt and a seed. Use “Edit inputs…” to change them.</source>
            <translation>{display_name}：没有可询问输入的服务器；它以一个提示词和一个种子开始。使用“编辑输入…”进行修改。</translation>
        </message>
        <message>
            <source>The server's description of {ref} is unusable: {exc}</source>
            <translation>服务器对 {ref} 的描述无法使用：{exc}</translation>
        </message>
        <message>
            <source>Could not ask the server about {ref}: {user_message}</source>
            <translation>无法向服务器询问 {ref}：{user_message}</translation>
        </message>
        <message>
            <source>{display_name}: inputs from the server.</source>
            <translation>{display_name}：来自服务器的输入。</translation>
        </message>
        <message>
            <source>The server does not describe the inputs of {ref}; using {kept}. Use “Edit inputs…” to change them.</source>
            <translation>服务器未描述 {ref} 的输入；使用{kept}。使用“编辑输入…”进行修改。</translation>
        </message>
    </context>
    <context>
        <name>FieldDraft</name>
        <message>
            <source>Text (one line)</source>
            <translation>文本（单行）</translation>
        </message>
        <message>
            <source>Text (several lines)</source>
            <translation>文本（多行）</translation>
        </message>
        <message>
            <source>Secret text</source>
            <translation>机密文本</translation>
        </message>
        <message>
            <source>Choice from a list</source>
            <translation>从列表中选择</translation>
        </message>
        <message>
            <source>Whole number</source>
            <translation>整数</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>数字</translation>
        </message>
        <message>
            <source>Yes / no</source>
            <translation>是 / 否</translation>
        </message>
        <message>
            <source>List of texts</source>
            <translation>文本列表</translation>
        </message>
        <message>
            <source>List of numbers</source>
            <translation>数字列表</translation>
        </message>
        <message>
            <source>Image or file</source>
            <translation>图像或文件</translation>
        </message>
        <message>
            <source>JSON value</source>
            <translation>JSON 值</translation>
        </message>
        <message>
            <source>Rows of inputs</source>
            <translation>多行输入</translation>
        </message>
        <message>
            <source>Choice of shapes</source>
            <translation>形态选择</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <source>Images or files</source>
            <extracomment>An empty text default ("" as in Cog's negative_prompt) is a default too.</extracomment>
            <translation>图像或文件</translation>
        </message>
        <message>
            <source>(no name)</source>
            <translation>（无名称）</translation>
        </message>
        <message>
            <source>Every input needs a name.</source>
            <translation>每个输入都需要名称。</translation>
        </message>
        <message>
            <source>The name {name} can only have letters, digits, '_' and '-', and must not start with a digit (it is what the workflow receives).</source>
            <translation>名称 {name} 只能包含字母、数字、“_”和“-”，且不能以数字开头（这是工作流收到的名称）。</translation>
        </message>
        <message>
            <source>{title}: list the choices, one per line.</source>
            <translation>{title}：请列出选项，每行一个。</translation>
        </message>
        <message>
            <source>smallest value</source>
            <translation>最小值</translation>
        </message>
        <message>
            <source>largest value</source>
            <translation>最大值</translation>
        </message>
        <message>
            <source>{title}: the smallest value is above the largest.</source>
            <translation>{title}：最小值大于最大值。</translation>
        </message>
        <message>
            <source>{title}: the default is outside the smallest/largest values.</source>
            <translation>{title}：默认值超出最小值/最大值范围。</translation>
        </message>
        <message>
            <source>{name}: the {what} must be a number.</source>
            <translation>{name}：{what}必须是数字。</translation>
        </message>
        <message>
            <source>{name}: the {what} must be a whole number.</source>
            <translation>{name}：{what}必须是整数。</translation>
        </message>
        <message>
            <source>{title}: the default must be a whole number.</source>
            <translation>{title}：默认值必须是整数。</translation>
        </message>
        <message>
            <source>{title}: the default must be a number.</source>
            <translation>{title}：默认值必须是数字。</translation>
        </message>
        <message>
            <source>{title}: the default must be yes or no.</source>
            <translation>{title}：默认值必须是“是”或“否”。</translation>
        </message>
        <message>
            <source>{title}: the default must be one of the choices.</source>
            <translation>{title}：默认值必须是选项之一。</translation>
        </message>
        <message>
            <source>{title}: the default must be numbers separated by commas.</source>
            <translation>{title}：默认值必须是用逗号分隔的数字。</translation>
        </message>
        <message>
            <source>{title}: the default is not valid JSON ({msg}).</source>
            <translation>{title}：默认值不是有效的 JSON（{msg}）。</translation>
        </message>
    </context>
    <context>
        <name>FieldEditor</name>
        <message>
            <source>Group of inputs (kept as it is)</source>
            <extracomment>Shapes kept as the schema gave them, in the user's words.</extracomment>
            <translation>输入组（保持原样）</translation>
        </message>
        <message>
            <source>Rows of inputs (kept as they are)</source>
            <translation>多行输入（保持原样）</translation>
        </message>
        <message>
            <source>Choice of shapes (kept as it is)</source>
            <translation>形态选择（保持原样）</translation>
        </message>
        <message>
            <source>Colour (kept as it is)</source>
            <translation>颜色（保持原样）</translation>
        </message>
    </context>
    <context>
        <name>FieldEditorDialog</name>
        <message>
            <source>Inputs of {title}</source>
            <translation>{title} 的输入</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Add input</source>
            <translation>添加输入</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>what the workflow receives, e.g. prompt</source>
            <translation>工作流收到的名称，例如 prompt</translation>
        </message>
        <message>
            <source>Images or files (several)</source>
            <translation>图像或文件（多个）</translation>
        </message>
        <message>
            <source>The workflow needs this input</source>
            <translation>工作流需要此输入</translation>
        </message>
        <message>
            <source>Fold under “Advanced settings”</source>
            <translation>收起到“高级设置”中</translation>
        </message>
        <message>
            <source>no limit</source>
            <translation>无限制</translation>
        </message>
        <message>
            <source>One choice per line</source>
            <translation>每行一个选项</translation>
        </message>
        <message>
            <source>Help shown under the input</source>
            <translation>显示在输入下方的帮助</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Label:</source>
            <translation>标签：</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>Default:</source>
            <translation>默认值：</translation>
        </message>
        <message>
            <source>Smallest:</source>
            <translation>最小值：</translation>
        </message>
        <message>
            <source>Largest:</source>
            <translation>最大值：</translation>
        </message>
        <message>
            <source>Choices:</source>
            <translation>选项：</translation>
        </message>
        <message>
            <source>Help:</source>
            <translation>帮助：</translation>
        </message>
        <message>
            <source>Add at least one input.</source>
            <translation>请至少添加一个输入。</translation>
        </message>
        <message>
            <source>yes or no</source>
            <translation>是或否</translation>
        </message>
        <message>
            <source>one of the choices</source>
            <translation>选项之一</translation>
        </message>
        <message>
            <source>texts separated by commas</source>
            <translation>用逗号分隔的文本</translation>
        </message>
        <message>
            <source>numbers separated by commas</source>
            <translation>用逗号分隔的数字</translation>
        </message>
        <message>
            <source>JSON, e.g. {"a": 1}</source>
            <translation>JSON，例如 {"a": 1}</translation>
        </message>
        <message>
            <source>an address (https://…)</source>
            <translation>一个地址（https://…）</translation>
        </message>
        <message>
            <source>kept as the schema gives it</source>
            <translation>按架构给出的样子保留</translation>
        </message>
    </context>
    <context>
        <name>FieldRow</name>
        <message>
            <source>Required. </source>
            <extracomment>The widest a label gets beside its input; longer ones wrap ("Subject Reference Image URL"), so the form fits a narrow panel instead of being cut off on the right.</extracomment>
            <translation>必填。</translation>
        </message>
        <message>
            <source>More</source>
            <translation>更多</translation>
        </message>
        <message>
            <source>Less</source>
            <translation>收起</translation>
        </message>
    </context>
    <context>
        <name>FileCard</name>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>文件名</translation>
        </message>
        <message>
            <source>File details</source>
            <translation>文件详情</translation>
        </message>
        <message>
            <source>Preview</source>
            <extracomment>A picture of the file where the app can draw one (an OBJ mesh), else hidden.</extracomment>
            <translation>预览</translation>
        </message>
        <message>
            <source>Save As…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <source>Open with…</source>
            <translation>打开方式…</translation>
        </message>
        <message>
            <source>Open it in the app your computer uses for this kind of file</source>
            <translation>用电脑上处理此类文件的应用打开</translation>
        </message>
        <message>
            <source>Copy Path</source>
            <translation>复制路径</translation>
        </message>
        <message>
            <source>Copy where the file is, to open it from another app</source>
            <translation>复制文件位置，以便从其他应用打开</translation>
        </message>
        <message>
            <source>no extension</source>
            <translation>无扩展名</translation>
        </message>
        <message>
            <source>No app on this computer opens this kind of file. Its path was copied, so you can open it from an app that does:
{path}</source>
            <translation>这台电脑上没有能打开此类文件的应用。其路径已复制，你可以在能打开它的应用中打开：
{path}</translation>
        </message>
    </context>
    <context>
        <name>FileField</name>
        <message>
            <source>an image</source>
            <translation>图像</translation>
        </message>
        <message>
            <source>a file</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Paste {word}'s address, or drop {word} here</source>
            <translation>粘贴{word}的地址，或将{word}拖放到此处</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>file sent with the run</source>
            <translation>随运行发送的文件</translation>
        </message>
        <message>
            <source>{title}: still reading {value}…</source>
            <translation>{title}：仍在读取 {value}…</translation>
        </message>
        <message>
            <source>the file</source>
            <translation>该文件</translation>
        </message>
        <message>
            <source>The clipboard holds no picture, file or web address.</source>
            <translation>剪贴板中没有图片、文件或网址。</translation>
        </message>
        <message>
            <source>URL</source>
            <translation>URL</translation>
        </message>
        <message>
            <source>A web address: the server fetches it when the run starts.</source>
            <translation>网址：服务器会在运行开始时获取它。</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>图像</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation>无法读取该文件。</translation>
        </message>
        <message>
            <source>{name} ({human_size}, sent with the run)</source>
            <translation>{name}（{human_size}，随运行发送）</translation>
        </message>
    </context>
    <context>
        <name>FileListField</name>
        <message>
            <source>an image</source>
            <translation>图像</translation>
        </message>
        <message>
            <source>a file</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Paste {word}'s address and press Enter</source>
            <translation>粘贴{word}的地址并按 Enter</translation>
        </message>
        <message>
            <source>Add files…</source>
            <translation>添加文件…</translation>
        </message>
        <message>
            <source>Paste</source>
            <translation>粘贴</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>{title}: still reading files…</source>
            <translation>{title}：仍在读取文件…</translation>
        </message>
        <message>
            <source>File sent with the run</source>
            <translation>随运行发送的文件</translation>
        </message>
        <message>
            <source>Reading pasted image…</source>
            <translation>正在读取粘贴的图像…</translation>
        </message>
        <message>
            <source>pasted image</source>
            <translation>粘贴的图像</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
        <message>
            <source>The clipboard holds no picture, file or web address.</source>
            <translation>剪贴板中没有图片、文件或网址。</translation>
        </message>
        <message>
            <source>The file could not be read.</source>
            <translation>无法读取该文件。</translation>
        </message>
    </context>
    <context>
        <name>FileLoading</name>
        <message numerus="yes">
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n 字节</numerusform>
            </translation>
        </message>
        <message>
            <source>{name} is {human_size}; files up to {human_size2} can be sent with a run. Put it online and paste its address instead.</source>
            <translation>{name} 大小为 {human_size}；随运行发送的文件最大为 {human_size2}。请将其上传到网上，然后粘贴其地址。</translation>
        </message>
        <message>
            <source>an image</source>
            <translation>图像</translation>
        </message>
        <message>
            <source>a sound file</source>
            <translation>音频文件</translation>
        </message>
        <message>
            <source>a video</source>
            <translation>视频</translation>
        </message>
        <message>
            <source>a file</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>{name} could not be read: {value}.</source>
            <translation>无法读取 {name}：{value}。</translation>
        </message>
        <message>
            <source>{name} is not {kind_word}.</source>
            <translation>{name} 不是{kind_word}。</translation>
        </message>
        <message>
            <source>file sent with the run</source>
            <translation>随运行发送的文件</translation>
        </message>
        <message>
            <source>Images ({IMAGE_SUFFIXES});;All files (*)</source>
            <translation>图像 ({IMAGE_SUFFIXES});;所有文件 (*)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Choose {title}</source>
            <translation>选择 {title}</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>All</source>
            <extracomment>The marks filter's choices: (words, value).</extracomment>
            <translation>全部</translation>
        </message>
        <message>
            <source>Starred</source>
            <translation>已加星标</translation>
        </message>
        <message>
            <source>Not rejected</source>
            <translation>未弃用</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>已弃用</translation>
        </message>
    </context>
    <context>
        <name>FolderPathDialog</name>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>Folder path</source>
            <translation>文件夹路径</translation>
        </message>
        <message>
            <source>No file manager opened this folder. Copy its path and open it in the program you use for files:</source>
            <translation>没有文件管理器打开此文件夹。请复制其路径，并在你常用的文件程序中打开：</translation>
        </message>
        <message>
            <source>Copy path</source>
            <translation>复制路径</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>已复制</translation>
        </message>
    </context>
    <context>
        <name>Form</name>
        <message>
            <source>Add an API key for this profile (File ▸ Profiles and API Keys) to run.</source>
            <translation>请为此配置文件添加 API 密钥（文件 ▸ 配置文件和 API 密钥）后再运行。</translation>
        </message>
        <message>
            <source>The server refused this profile's key: open Profiles to replace it.</source>
            <translation>服务器拒绝了此配置文件的密钥：请打开“配置文件”进行替换。</translation>
        </message>
        <message>
            <source>inputs from the server's schema</source>
            <translation>来自服务器架构的输入</translation>
        </message>
        <message>
            <source>inputs from an imported schema</source>
            <translation>来自导入架构的输入</translation>
        </message>
        <message>
            <source>inputs inferred from an example</source>
            <translation>从示例推断的输入</translation>
        </message>
        <message>
            <source>inputs from the field editor</source>
            <translation>来自字段编辑器的输入</translation>
        </message>
        <message>
            <source>inputs of the reference example</source>
            <translation>参考示例的输入</translation>
        </message>
    </context>
    <context>
        <name>FormPages</name>
        <message>
            <source>The JSON has a mistake at line {lineno}, column {colno}: {msg}. Nothing was changed: fix it, or show the form's values again.</source>
            <translation>JSON 在第 {lineno} 行第 {colno} 列有错误：{msg}。未做任何更改：请修正，或重新显示表单中的值。</translation>
        </message>
        <message>
            <source>The JSON is nested too deeply. Nothing was changed.</source>
            <translation>JSON 嵌套过深。未做任何更改。</translation>
        </message>
        <message>
            <source>The inputs must be a JSON object, in braces: {"prompt": "…"}. Nothing was changed.</source>
            <translation>输入必须是用花括号括起来的 JSON 对象：{"prompt": "…"}。未做任何更改。</translation>
        </message>
    </context>
    <context>
        <name>FormPanel</name>
        <message>
            <source>Choose a workflow in the sidebar.</source>
            <translation>请在侧边栏中选择一个工作流。</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Run {count}</source>
            <translation>运行 {count}</translation>
        </message>
        <message>
            <source>Workflow inputs</source>
            <translation>工作流输入</translation>
        </message>
        <message>
            <source>No workflow selected</source>
            <translation>未选择工作流</translation>
        </message>
        <message>
            <source>Inputs of the workflow</source>
            <translation>工作流的输入</translation>
        </message>
        <message>
            <source>Pick a workflow on the left to fill in its inputs.</source>
            <translation>在左侧选择一个工作流以填写其输入。</translation>
        </message>
        <message>
            <source>Run options</source>
            <translation>运行选项</translation>
        </message>
        <message>
            <source>https://example.com/fizzly-webhook (optional)</source>
            <translation>https://example.com/fizzly-webhook（可选）</translation>
        </message>
        <message>
            <source>Webhook URL</source>
            <translation>Webhook URL</translation>
        </message>
        <message>
            <source>Number of runs</source>
            <translation>运行次数</translation>
        </message>
        <message>
            <source>How many runs to start with these inputs (seeds left random vary)</source>
            <translation>使用这些输入启动多少个运行（随机种子会变化）</translation>
        </message>
        <message>
            <source>Build batch…</source>
            <translation>创建批次…</translation>
        </message>
        <message>
            <source>Build batch</source>
            <translation>创建批次</translation>
        </message>
        <message>
            <source>Sweeps, seed series and imported CSV or JSONL files</source>
            <translation>扫描、种子序列以及导入的 CSV 或 JSONL 文件</translation>
        </message>
        <message>
            <source>Start the run (Ctrl+Enter)</source>
            <translation>开始运行（Ctrl+Enter）</translation>
        </message>
        <message>
            <source>Some inputs need attention.</source>
            <translation>有些输入需要注意。</translation>
        </message>
        <message>
            <source>; about {credits_per_run} credits a run, from its finished runs</source>
            <translation>；根据已完成的运行，每次运行约 {credits_per_run} 积分</translation>
        </message>
    </context>
    <context>
        <name>FormPresenter</name>
        <message>
            <source>× {before} stays with {display_name}: {display_name2} starts from {plural}.</source>
            <extracomment>Profiles whose key the server refused when last checked (the profiles presenter's).</extracomment>
            <translation>× {before} 保留在 {display_name}：{display_name2} 从 {plural}开始。</translation>
        </message>
        <message>
            <source>Could not ask the server for its inputs: {message}</source>
            <translation>无法向服务器询问其输入：{message}</translation>
        </message>
        <message>
            <source>Some inputs of that run are not in this workflow's form: </source>
            <translation>该运行的某些输入不在此工作流的表单中：</translation>
        </message>
    </context>
    <context>
        <name>Formatting</name>
        <message numerus="yes">
            <source>{credits} credit(s)</source>
            <translation>
                <numerusform>{credits} 积分</numerusform>
            </translation>
        </message>
        <message>
            <source>under 1 s</source>
            <translation>不到 1 秒</translation>
        </message>
        <message>
            <source>about {round} s</source>
            <translation>约 {round} 秒</translation>
        </message>
        <message>
            <source>about {minutes} min</source>
            <translation>约 {minutes} 分钟</translation>
        </message>
        <message>
            <source>about {hours} h {rest} min</source>
            <translation>约 {hours} 小时 {rest} 分钟</translation>
        </message>
        <message>
            <source>about {hours} h</source>
            <translation>约 {hours} 小时</translation>
        </message>
        <message>
            <source>{minutes} min {whole} s</source>
            <translation>{minutes} 分 {whole} 秒</translation>
        </message>
        <message>
            <source>{hours} h {minutes} min</source>
            <translation>{hours} 小时 {minutes} 分钟</translation>
        </message>
    </context>
    <context>
        <name>GalleryFilterBar</name>
        <message>
            <source>Filter by workflow</source>
            <translation>按工作流筛选</translation>
        </message>
        <message>
            <source>Filter by batch</source>
            <translation>按批次筛选</translation>
        </message>
        <message>
            <source>Filter by kind of output</source>
            <translation>按输出类型筛选</translation>
        </message>
        <message>
            <source>Images and media</source>
            <translation>图像和媒体</translation>
        </message>
        <message>
            <source>Text and data</source>
            <translation>文本和数据</translation>
        </message>
        <message>
            <source>Everything</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Number of outputs shown</source>
            <translation>显示的输出数量</translation>
        </message>
        <message>
            <source>Thumbnail size</source>
            <translation>缩略图大小</translation>
        </message>
        <message>
            <source>Search prompts and inputs</source>
            <translation>搜索提示词和输入</translation>
        </message>
        <message>
            <source>Search outputs</source>
            <translation>搜索输出</translation>
        </message>
        <message>
            <source>Show outputs by mark</source>
            <translation>按标记显示输出</translation>
        </message>
        <message>
            <source>Show outputs made</source>
            <translation>按生成时间显示输出</translation>
        </message>
        <message>
            <source>&amp;Workflow:</source>
            <translation>工作流(&amp;W)：</translation>
        </message>
        <message>
            <source>&amp;Batch:</source>
            <translation>批次(&amp;B)：</translation>
        </message>
        <message>
            <source>S&amp;how:</source>
            <translation>显示(&amp;H)：</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>大小：</translation>
        </message>
    </context>
    <context>
        <name>GalleryModel</name>
        <message>
            <source>Output: {name}</source>
            <translation>输出：{name}</translation>
        </message>
        <message>
            <source>Batch: {batch}</source>
            <translation>批次：{batch}</translation>
        </message>
    </context>
    <context>
        <name>GalleryView</name>
        <message>
            <source>No outputs yet — run a workflow and its images will appear here.</source>
            <translation>尚无输出 — 运行一个工作流，其图像就会显示在这里。</translation>
        </message>
        <message>
            <source>No outputs match these filters.</source>
            <translation>没有符合这些筛选条件的输出。</translation>
        </message>
        <message>
            <source>Choose Show: Everything to see text and data outputs too.</source>
            <extracomment>Said under NO_MATCH_MESSAGE while only images are shown: other outputs may be what there is.</extracomment>
            <translation>选择“显示：全部”即可同时查看文本和数据输出。</translation>
        </message>
        <message>
            <source>Gallery</source>
            <translation>图库</translation>
        </message>
        <message>
            <source>Outputs</source>
            <extracomment>Adds entries to a tile's menu (the library's "Use as Input ▸").</extracomment>
            <translation>输出</translation>
        </message>
        <message>
            <source>Gallery message</source>
            <translation>图库消息</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Use these inputs</source>
            <translation>使用这些输入</translation>
        </message>
        <message>
            <source>Show run</source>
            <translation>显示运行</translation>
        </message>
        <message>
            <source>Open containing folder</source>
            <translation>打开所在文件夹</translation>
        </message>
        <message>
            <source>Copy text</source>
            <translation>复制文本</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <source>Copy image</source>
            <translation>复制图像</translation>
        </message>
        <message>
            <source>Export selected…</source>
            <translation>导出所选…</translation>
        </message>
        <message>
            <source>Star</source>
            <translation>加星标</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>弃用</translation>
        </message>
        <message>
            <source>Compare…</source>
            <translation>比较…</translation>
        </message>
        <message>
            <source>Export {exportable} selected images…</source>
            <translation>导出所选的 {exportable} 张图像…</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>All workflows</source>
            <translation>所有工作流</translation>
        </message>
        <message>
            <source>All batches</source>
            <translation>所有批次</translation>
        </message>
        <message>
            <source>Single runs</source>
            <translation>单次运行</translation>
        </message>
        <message>
            <source>{shown} of {total}</source>
            <translation>{shown} / {total}</translation>
        </message>
    </context>
    <context>
        <name>GridCells</name>
        <message>
            <source>Waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>已失败</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>需要注意</translation>
        </message>
        <message>
            <source>seed {seed}</source>
            <translation>种子 {seed}</translation>
        </message>
    </context>
    <context>
        <name>GridPlayActions</name>
        <message>
            <source>Play This &amp;Row Together</source>
            <translation>同时播放此行(&amp;R)</translation>
        </message>
        <message>
            <source>Play This Co&amp;lumn Together</source>
            <translation>同时播放此列(&amp;L)</translation>
        </message>
    </context>
    <context>
        <name>ImageViewer</name>
        <message>
            <source>WebP image</source>
            <translation>WebP 图像</translation>
        </message>
        <message>
            <source>PNG image</source>
            <translation>PNG 图像</translation>
        </message>
        <message>
            <source>JPEG image</source>
            <translation>JPEG 图像</translation>
        </message>
        <message>
            <source>Image viewer</source>
            <extracomment>When set (by the app's output actions), Save As and Copy go through them: the copy is made off the GUI thread and the sidecar can go along.</extracomment>
            <translation>图像查看器</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>图像</translation>
        </message>
        <message>
            <source>Image actions</source>
            <translation>图像操作</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>放大</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>适应</translation>
        </message>
        <message>
            <source>Fit to window (F)</source>
            <translation>适应窗口（F）</translation>
        </message>
        <message>
            <source>Actual size (1)</source>
            <translation>实际大小（1）</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <source>Copy image</source>
            <translation>复制图像</translation>
        </message>
        <message>
            <source>Open folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message>
            <source>Open the folder that holds this image</source>
            <translation>打开包含此图像的文件夹</translation>
        </message>
        <message>
            <source>Viewer message</source>
            <translation>查看器消息</translation>
        </message>
        <message>
            <source>File name</source>
            <translation>文件名</translation>
        </message>
        <message>
            <source>Image size</source>
            <translation>图像尺寸</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>缩放</translation>
        </message>
        <message>
            <source>No image.</source>
            <translation>没有图像。</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>{width} × {height} px</source>
            <translation>{width} × {height} 像素</translation>
        </message>
        <message>
            <source>This image can't be shown.
{reason}</source>
            <translation>无法显示此图像。
{reason}</translation>
        </message>
        <message>
            <source>Save image as</source>
            <translation>图像另存为</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Could not save the image: {reason}.</source>
            <translation>无法保存图像：{reason}。</translation>
        </message>
        <message>
            <source>Saved a copy as {name}</source>
            <translation>已将副本另存为 {name}</translation>
        </message>
    </context>
    <context>
        <name>ImageViewerWindow</name>
        <message>
            <source>Image</source>
            <translation>图像</translation>
        </message>
        <message>
            <source>Image viewer window</source>
            <translation>图像查看器窗口</translation>
        </message>
        <message>
            <source>Previous</source>
            <extracomment>Videos, sounds and other files: made the first time one is shown.</extracomment>
            <translation>上一张</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一张</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>位置</translation>
        </message>
        <message>
            <source>Save As…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <source>{text} image ({toString})</source>
            <translation>{text} 图像（{toString}）</translation>
        </message>
    </context>
    <context>
        <name>ImportTab</name>
        <message>
            <source>Input rows (*.csv *.tsv *.txt *.jsonl *.ndjson *.json);;All files (*)</source>
            <extracomment>Files the import accepts, for the file chooser.</extracomment>
            <translation>输入行 (*.csv *.tsv *.txt *.jsonl *.ndjson *.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Drop a CSV or JSONL file of input rows here, or choose one.</source>
            <translation>将包含输入行的 CSV 或 JSONL 文件拖放到此处，或选择一个文件。</translation>
        </message>
        <message>
            <source>&amp;Choose file…</source>
            <translation>选择文件(&amp;C)…</translation>
        </message>
        <message>
            <source>Choose a CSV or JSONL file of input rows</source>
            <translation>选择包含输入行的 CSV 或 JSONL 文件</translation>
        </message>
        <message>
            <source>The first row names the inputs ({names}…); each further row is one run. Empty cells keep the form's values. JSONL: one object of inputs per line.</source>
            <translation>第一行为输入命名（{names}…）；之后每行是一个运行。空单元格保留表单中的值。JSONL：每行一个输入对象。</translation>
        </message>
        <message>
            <source>Rows found in the file</source>
            <translation>文件中找到的行</translation>
        </message>
        <message>
            <source>What the file gives</source>
            <translation>文件提供的内容</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
        <message>
            <source>Choose or drop a CSV or JSONL file of input rows.</source>
            <translation>选择或拖放包含输入行的 CSV 或 JSONL 文件。</translation>
        </message>
        <message>
            <source>No row of {name} can be sent: each one has a problem (shown in the table).</source>
            <translation>{name} 中没有可发送的行：每一行都有问题（见表格）。</translation>
        </message>
        <message>
            <source>Import {name}</source>
            <translation>导入 {name}</translation>
        </message>
        <message>
            <source>The file</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>{name} could not be read: {exc}</source>
            <translation>无法读取 {name}：{exc}</translation>
        </message>
        <message>
            <source>Import input rows</source>
            <translation>导入输入行</translation>
        </message>
        <message>
            <source>{name}: this file cannot be used.</source>
            <translation>{name}：无法使用此文件。</translation>
        </message>
        <message numerus="yes">
            <source>{name} — %n row(s) read.</source>
            <translation>
                <numerusform>{name} — 已读取 %n 行。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) will run</source>
            <translation>
                <numerusform>将运行 %n 行</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) with problems will be skipped (highlighted)</source>
            <translation>
                <numerusform>将跳过 %n 个有问题的行（已高亮显示）</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InputsPage</name>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Advanced settings ({advanced_count})</source>
            <translation>高级设置（{advanced_count}）</translation>
        </message>
        <message>
            <source>This workflow takes no inputs.</source>
            <translation>此工作流不需要输入。</translation>
        </message>
        <message>
            <source>Discard them</source>
            <translation>丢弃它们</translation>
        </message>
        <message>
            <source>* required</source>
            <translation>* 必填</translation>
        </message>
    </context>
    <context>
        <name>JsonField</name>
        <message>
            <source>JSON, e.g. {"key": "value"} or [1, 2]</source>
            <translation>JSON，例如 {"key": "value"} 或 [1, 2]</translation>
        </message>
        <message>
            <source>{title} is not valid JSON: {msg} (line {lineno}, column {colno}).</source>
            <translation>{title} 不是有效的 JSON：{msg}（第 {lineno} 行，第 {colno} 列）。</translation>
        </message>
        <message>
            <source>{title} is nested too deeply.</source>
            <translation>{title} 嵌套过深。</translation>
        </message>
    </context>
    <context>
        <name>JsonPage</name>
        <message>
            <source>The same inputs as JSON. Edits here change the form, and edits in the form show here.</source>
            <translation>以 JSON 表示的相同输入。在这里编辑会改变表单，在表单中编辑也会显示在这里。</translation>
        </message>
        <message>
            <source>Inputs as JSON</source>
            <translation>JSON 格式的输入</translation>
        </message>
        <message>
            <source>Show the form's values again</source>
            <translation>重新显示表单中的值</translation>
        </message>
    </context>
    <context>
        <name>KeyEntry</name>
        <message>
            <source>API key</source>
            <translation>API 密钥</translation>
        </message>
        <message>
            <source>Paste your Fizzly API key. It is hidden as you type.</source>
            <translation>粘贴你的 Fizzly API 密钥。输入时会被隐藏。</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Show key</source>
            <translation>显示密钥</translation>
        </message>
        <message>
            <source>Show the key as plain text</source>
            <translation>以明文显示密钥</translation>
        </message>
        <message>
            <source>Key warning</source>
            <translation>密钥警告</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>Hide key</source>
            <translation>隐藏密钥</translation>
        </message>
        <message>
            <source>Hide the key again</source>
            <translation>再次隐藏密钥</translation>
        </message>
    </context>
    <context>
        <name>KeySection</name>
        <message>
            <source>Key status</source>
            <translation>密钥状态</translation>
        </message>
        <message>
            <source>&amp;Set key…</source>
            <translation>设置密钥(&amp;S)…</translation>
        </message>
        <message>
            <source>Set the API key</source>
            <translation>设置 API 密钥</translation>
        </message>
        <message>
            <source>Remo&amp;ve key</source>
            <translation>移除密钥(&amp;V)</translation>
        </message>
        <message>
            <source>Remove the API key</source>
            <translation>移除 API 密钥</translation>
        </message>
        <message>
            <source>&amp;Verify</source>
            <translation>验证(&amp;V)</translation>
        </message>
        <message>
            <source>Check the key with the service</source>
            <translation>向服务检查密钥</translation>
        </message>
        <message>
            <source>Checking the key</source>
            <translation>正在检查密钥</translation>
        </message>
        <message>
            <source>Key check result</source>
            <translation>密钥检查结果</translation>
        </message>
        <message>
            <source>Save key</source>
            <translation>保存密钥</translation>
        </message>
        <message>
            <source>Save the key in the keyring</source>
            <translation>将密钥保存到钥匙串</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancel entering a key</source>
            <translation>取消输入密钥</translation>
        </message>
        <message>
            <source>Keyring problem</source>
            <translation>钥匙串问题</translation>
        </message>
        <message>
            <source>Keep for this session only</source>
            <translation>仅在本次会话中保留</translation>
        </message>
        <message>
            <source>Keep the key in memory until the app quits, without saving it</source>
            <translation>在应用退出前将密钥保留在内存中，不保存</translation>
        </message>
        <message>
            <source>Paste the API key from your account settings:</source>
            <translation>粘贴账户设置中的 API 密钥：</translation>
        </message>
        <message>
            <source>Re&amp;place key…</source>
            <translation>替换密钥(&amp;P)…</translation>
        </message>
        <message>
            <source>Replace the API key</source>
            <translation>替换 API 密钥</translation>
        </message>
        <message>
            <source>The key of “{name}” was removed.</source>
            <translation>已移除“{name}”的密钥。</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <source>There is no key to check. Set a key first.</source>
            <translation>没有可检查的密钥。请先设置密钥。</translation>
        </message>
        <message>
            <source>Remove the API key of “{name}”? You can set it again later.</source>
            <translation>移除“{name}”的 API 密钥？之后可以重新设置。</translation>
        </message>
        <message>
            <source>Remove key</source>
            <translation>移除密钥</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>System Default</source>
            <translation>系统默认</translation>
        </message>
        <message>
            <source>The language changes the next time you start {app}.</source>
            <translation>语言将在下次启动 {app} 时更改。</translation>
        </message>
    </context>
    <context>
        <name>LibraryMenu</name>
        <message>
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <source>Ask the server for its inputs again</source>
            <translation>再次向服务器询问其输入</translation>
        </message>
        <message>
            <source>Import a schema file…</source>
            <translation>导入架构文件…</translation>
        </message>
        <message>
            <source>Use an example of inputs…</source>
            <translation>使用输入示例…</translation>
        </message>
        <message>
            <source>Remove from library</source>
            <translation>从库中移除</translation>
        </message>
        <message>
            <source>{display_name}: inputs from {name}.</source>
            <translation>{display_name}：来自 {name} 的输入。</translation>
        </message>
        <message>
            <source>{display_name}: inputs inferred from your example.</source>
            <translation>{display_name}：从你的示例推断的输入。</translation>
        </message>
    </context>
    <context>
        <name>LibraryPresenter</name>
        <message>
            <source>The history is not open yet; try again in a moment.</source>
            <extracomment>Deletions that can still be undone, newest last, each with its expiry timer.</extracomment>
            <translation>历史记录尚未打开；请稍后再试。</translation>
        </message>
        <message>
            <source>Attached {request_id}: it is followed like your runs.</source>
            <translation>已关联 {request_id}：将像你的运行一样被跟踪。</translation>
        </message>
        <message>
            <source>seed {seed}</source>
            <translation>种子 {seed}</translation>
        </message>
        <message>
            <source>Delete runs</source>
            <translation>删除运行</translation>
        </message>
        <message>
            <source>Nothing to clear: every finished run is starred, or none has finished.</source>
            <translation>无需清除：所有已完成的运行都已加星标，或没有运行完成。</translation>
        </message>
        <message>
            <source>Clear history</source>
            <translation>清除历史记录</translation>
        </message>
        <message>
            <source>These runs are still on their way: cancel them first to delete them.</source>
            <translation>这些运行仍在进行中：请先取消，然后再删除。</translation>
        </message>
        <message>
            <source>{plural} could not be put back. They are in {folder}; move them back by hand if you need them.</source>
            <translation>{plural}无法恢复。它们在 {folder} 中；如有需要，请手动移回。</translation>
        </message>
        <message>
            <source>Brought back {plural}.</source>
            <translation>已恢复 {plural}。</translation>
        </message>
    </context>
    <context>
        <name>LineField</name>
        <message>
            <source>Must match {pattern}</source>
            <translation>必须匹配 {pattern}</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
    </context>
    <context>
        <name>ListField</name>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>a whole number</source>
            <translation>整数</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>数字</translation>
        </message>
        <message>
            <source>{title} item {value} must be {kind}.</source>
            <translation>{title} 第 {value} 项必须是{kind}。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Profile</source>
            <extracomment>Asked before the window closes; False keeps it open (the guard then asks the user).</extracomment>
            <translation>配置文件</translation>
        </message>
        <message>
            <source>Active profile</source>
            <translation>当前配置文件</translation>
        </message>
        <message>
            <source>Manage profiles and API keys</source>
            <translation>管理配置文件和 API 密钥</translation>
        </message>
        <message>
            <source>Manage profiles</source>
            <translation>管理配置文件</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Queue</source>
            <translation>队列</translation>
        </message>
        <message>
            <source>Gallery</source>
            <translation>图库</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <extracomment>The menus, by their English titles (translated where added).</extracomment>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Run</source>
            <translation>运行(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>Queue and Gallery</source>
            <translation>队列和图库</translation>
        </message>
        <message>
            <source>&amp;Profiles and API Keys…</source>
            <translation>配置文件和 API 密钥(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Add Workflow…</source>
            <translation>添加工作流(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Import Inputs from CSV or JSONL…</source>
            <translation>从 CSV 或 JSONL 导入输入(&amp;I)…</translation>
        </message>
        <message>
            <source>Choose &amp;Outputs Folder…</source>
            <translation>选择输出文件夹(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Largest Output File…</source>
            <translation>最大输出文件(&amp;L)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Build Batch…</source>
            <translation>创建批次(&amp;B)…</translation>
        </message>
        <message>
            <source>&amp;Pause Sending</source>
            <translation>暂停发送(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Queue</source>
            <translation>队列(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Gallery</source>
            <translation>图库(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Filter Runs</source>
            <translation>筛选运行(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Next Pane</source>
            <translation>下一个窗格(&amp;N)</translation>
        </message>
        <message>
            <source>P&amp;revious Pane</source>
            <translation>上一个窗格(&amp;R)</translation>
        </message>
        <message>
            <source>Open &amp;Log Folder</source>
            <translation>打开日志文件夹(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;About {APP_NAME}</source>
            <translation>关于 {APP_NAME}(&amp;A)</translation>
        </message>
        <message>
            <source>{APP_NAME} — {active} on the server, {queued} not sent yet</source>
            <translation>{APP_NAME} — 服务器上 {active} 个，{queued} 个尚未发送</translation>
        </message>
    </context>
    <context>
        <name>Media</name>
        <message>
            <source>Image</source>
            <translation>图像</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>视频</translation>
        </message>
        <message>
            <source>Audio</source>
            <translation>音频</translation>
        </message>
        <message>
            <source>3D model</source>
            <translation>3D 模型</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
    </context>
    <context>
        <name>MediaPanel</name>
        <message>
            <source>Output preview</source>
            <extracomment>Side of the preview drawn of a 3D model on its card.</extracomment>
            <translation>输出预览</translation>
        </message>
        <message>
            <source>Download progress</source>
            <translation>下载进度</translation>
        </message>
        <message>
            <source>Raise the Limit…</source>
            <translation>提高上限…</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>未保存：{error}</translation>
        </message>
        <message>
            <source>Not saved: {error}. Raise the limit (File ▸ Largest Output File…), then run it again to keep it.</source>
            <translation>未保存：{error}。请提高上限（文件 ▸ 最大输出文件…），然后再次运行以保存。</translation>
        </message>
        <message>
            <source>Not saved yet</source>
            <translation>尚未保存</translation>
        </message>
    </context>
    <context>
        <name>MediaPlayerView</name>
        <message>
            <source>Player</source>
            <extracomment>The frame step when the file does not say its frame rate.</extracomment>
            <translation>播放器</translation>
        </message>
        <message>
            <source>Video</source>
            <translation>视频</translation>
        </message>
        <message>
            <source>Waveform</source>
            <translation>波形</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <source>Play or pause (Space)</source>
            <translation>播放或暂停（空格键）</translation>
        </message>
        <message>
            <source>One frame back (,)</source>
            <translation>后退一帧（,）</translation>
        </message>
        <message>
            <source>One frame forward (.)</source>
            <translation>前进一帧（.）</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>循环</translation>
        </message>
        <message>
            <source>Play again from the start</source>
            <translation>从头再次播放</translation>
        </message>
        <message>
            <source>Mute</source>
            <translation>静音</translation>
        </message>
        <message>
            <source>Mute the sound</source>
            <translation>将声音静音</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>位置</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>分辨率</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>This file cannot be played; it may be damaged or in a format this computer cannot decode. Save it and open it in another app.</source>
            <translation>无法播放此文件；它可能已损坏，或者是这台电脑无法解码的格式。请保存后在其他应用中打开。</translation>
        </message>
        <message>
            <source>This file cannot be played: {value}.</source>
            <translation>无法播放此文件：{value}。</translation>
        </message>
    </context>
    <context>
        <name>Model</name>
        <message>
            <source>{width} × {height} px</source>
            <translation>{width} × {height} 像素</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>未保存：{error}</translation>
        </message>
    </context>
    <context>
        <name>NodeTimeline</name>
        <message>
            <source>Node timeline</source>
            <extracomment>One timeline row as shown: node, mark, status word, start time, duration, is the current node.</extracomment>
            <translation>节点时间线</translation>
        </message>
        <message>
            <source>Node</source>
            <translation>节点</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Started</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>持续时间</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>已停止</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>未知</translation>
        </message>
    </context>
    <context>
        <name>NumberField</name>
        <message>
            <source>{title} slider</source>
            <translation>{title} 滑块</translation>
        </message>
        <message>
            <source>{number} or more</source>
            <translation>{number} 或以上</translation>
        </message>
        <message>
            <source>up to {number}</source>
            <translation>最多 {number}</translation>
        </message>
        <message>
            <source>whole number</source>
            <translation>整数</translation>
        </message>
        <message>
            <source>a whole number</source>
            <translation>整数</translation>
        </message>
        <message>
            <source>a number</source>
            <translation>数字</translation>
        </message>
        <message>
            <source>{title} must be {kind}.</source>
            <translation>{title} 必须是{kind}。</translation>
        </message>
    </context>
    <context>
        <name>ObjectListField</name>
        <message>
            <source>Add {in_sentence}</source>
            <translation>添加{in_sentence}</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>下移</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
    </context>
    <context>
        <name>OutputActions</name>
        <message>
            <source>Save output as</source>
            <translation>输出另存为</translation>
        </message>
        <message>
            <source>Could not save {name}: {reason}. Choose another folder.</source>
            <translation>无法保存 {name}：{reason}。请选择其他文件夹。</translation>
        </message>
        <message>
            <source>Saved {name} in {parent}</source>
            <translation>已将 {name} 保存到 {parent}</translation>
        </message>
        <message>
            <source>{name} could not be read, so nothing was copied.</source>
            <translation>无法读取 {name}，因此未复制任何内容。</translation>
        </message>
        <message>
            <source>Copied the image {name}</source>
            <translation>已复制图像 {name}</translation>
        </message>
        <message>
            <source>Select outputs that were saved to export them.</source>
            <translation>请选择已保存的输出以导出。</translation>
        </message>
        <message numerus="yes">
            <source>%n image(s)</source>
            <translation>
                <numerusform>%n 张图像</numerusform>
            </translation>
        </message>
        <message>
            <source>Export {noun} to</source>
            <translation>将{noun}导出到</translation>
        </message>
    </context>
    <context>
        <name>OutputItems</name>
        <message>
            <source>Downloading · {size} of {size2}</source>
            <translation>正在下载 · {size} / {size2}</translation>
        </message>
        <message>
            <source>Downloading · {size}</source>
            <translation>正在下载 · {size}</translation>
        </message>
    </context>
    <context>
        <name>OutputTileDelegate</name>
        <message>
            <source>Not saved: {error}</source>
            <extracomment>Memory kept for tiles ready to paint (scaled, rounded thumbnails): a few screens. Tiles painted within the last ``KEEP_RECENT_S`` stay even past it (they are on screen). An output's mark ("star", "reject" or None), set by the library presenter.</extracomment>
            <translation>未保存：{error}</translation>
        </message>
        <message>
            <source>Not saved yet</source>
            <translation>尚未保存</translation>
        </message>
        <message>
            <source>Can't show this image</source>
            <translation>无法显示此图像</translation>
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
            <translation>无法写入其输入列表（{strerror}）</translation>
        </message>
        <message>
            <source>their inputs are listed in {name} (import it to run them again)</source>
            <translation>其输入已列在 {name} 中（导入它即可再次运行）</translation>
        </message>
        <message>
            <source>These runs have no video or sound to play.</source>
            <translation>这些运行没有可播放的视频或声音。</translation>
        </message>
        <message>
            <source>This run has no saved outputs yet.</source>
            <translation>此运行尚无已保存的输出。</translation>
        </message>
        <message>
            <source>Largest output file</source>
            <translation>最大输出文件</translation>
        </message>
        <message>
            <source>Output files larger than this are not downloaded (MB). A minute of HD video is about 100 MB:</source>
            <translation>大于此大小的输出文件不会下载（MB）。一分钟高清视频约 100 MB：</translation>
        </message>
        <message>
            <source>Output files up to {megabytes} MB are downloaded from now on.</source>
            <translation>从现在起将下载不超过 {megabytes} MB 的输出文件。</translation>
        </message>
        <message>
            <source>Save output images in</source>
            <translation>将输出图像保存到</translation>
        </message>
        <message>
            <source>New outputs will be saved in {new}</source>
            <translation>新输出将保存到 {new}</translation>
        </message>
        <message>
            <source>Outputs folder changed</source>
            <translation>输出文件夹已更改</translation>
        </message>
        <message>
            <source>New outputs will be saved in {new}.

{describe} saved so far are in {base}. Move them to the new folder, copy them there, or leave them where they are? The history follows them either way.</source>
            <translation>新输出将保存到 {new}。

目前已保存的 {describe} 位于 {base}。要将它们移动到新文件夹、复制过去，还是留在原处？无论如何，历史记录都会跟随它们。</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>移动</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Leave them</source>
            <translation>留在原处</translation>
        </message>
        <message>
            <source>Moving</source>
            <translation>正在移动</translation>
        </message>
        <message>
            <source>Copying</source>
            <translation>正在复制</translation>
        </message>
        <message>
            <source>{verb} {describe} to {new}…</source>
            <translation>{verb} {describe} 到 {new}…</translation>
        </message>
        <message numerus="yes">
            <source>%n image(s) moved to {new}</source>
            <translation>
                <numerusform>已将 %n 张图像移动到 {new}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n image(s) copied to {new}</source>
            <translation>
                <numerusform>已将 %n 张图像复制到 {new}</numerusform>
            </translation>
        </message>
        <message>
            <source>; {failed} left in {base} ({name}: {reason})</source>
            <translation>；{failed} 个留在 {base}（{name}：{reason}）</translation>
        </message>
    </context>
    <context>
        <name>OutputsStrip</name>
        <message>
            <source>No outputs yet.</source>
            <translation>尚无输出。</translation>
        </message>
        <message>
            <source>Run outputs</source>
            <translation>运行输出</translation>
        </message>
        <message>
            <source>Output images</source>
            <translation>输出图像</translation>
        </message>
        <message>
            <source>Open</source>
            <extracomment>The chosen video or sound (in a player) or 3D or other file (as a card).</extracomment>
            <translation>打开</translation>
        </message>
        <message>
            <source>Open containing folder</source>
            <translation>打开所在文件夹</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <source>Copy image</source>
            <translation>复制图像</translation>
        </message>
        <message>
            <source>Outputs message</source>
            <translation>输出消息</translation>
        </message>
    </context>
    <context>
        <name>PlayTogetherWindow</name>
        <message>
            <source>Play Together</source>
            <translation>同时播放</translation>
        </message>
        <message>
            <source>Play All</source>
            <translation>全部播放</translation>
        </message>
        <message>
            <source>Pause All</source>
            <translation>全部暂停</translation>
        </message>
        <message>
            <source>Restart All</source>
            <translation>全部重新开始</translation>
        </message>
        <message>
            <source>Loop</source>
            <translation>循环</translation>
        </message>
    </context>
    <context>
        <name>PresetBar</name>
        <message>
            <source>Presets…</source>
            <translation>预设…</translation>
        </message>
        <message>
            <source>Presets</source>
            <translation>预设</translation>
        </message>
        <message>
            <source>Save as preset…</source>
            <translation>另存为预设…</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Delete the chosen preset</source>
            <translation>删除所选预设</translation>
        </message>
        <message>
            <source>Preset:</source>
            <translation>预设：</translation>
        </message>
        <message>
            <source>Save preset</source>
            <translation>保存预设</translation>
        </message>
        <message>
            <source>Name of the preset:</source>
            <translation>预设名称：</translation>
        </message>
        <message>
            <source>Delete preset</source>
            <translation>删除预设</translation>
        </message>
        <message>
            <source>Delete the preset “{name}”?</source>
            <translation>删除预设“{name}”？</translation>
        </message>
    </context>
    <context>
        <name>Preview</name>
        <message>
            <source>… and {value} more</source>
            <translation>… 另有 {value} 个</translation>
        </message>
        <message>
            <source>Run {value}</source>
            <translation>运行 {value}</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>✗ Skipped: {problem}</source>
            <translation>✗ 已跳过：{problem}</translation>
        </message>
        <message>
            <source>✓ Will run</source>
            <translation>✓ 将运行</translation>
        </message>
        <message>
            <source>From the form: {value}</source>
            <translation>来自表单：{value}</translation>
        </message>
        <message>
            <source>Credits: unknown until the first run of this workflow finishes.</source>
            <translation>积分：在此工作流的首次运行完成前未知。</translation>
        </message>
        <message>
            <source>It will use about {plural_credits}.</source>
            <translation>约需 {plural_credits}。</translation>
        </message>
        <message>
            <source>Queue {runs} runs?</source>
            <translation>将 {runs} 个运行加入队列？</translation>
        </message>
        <message>
            <source>This batch makes {runs} runs of {workflow_name}.

{credits}
The rate limit makes it take {duration}.

Queue them?</source>
            <translation>此批次将创建 {workflow_name} 的 {runs} 个运行。

{credits}
受速率限制，需要 {duration}。

加入队列？</translation>
        </message>
    </context>
    <context>
        <name>ProblemBox</name>
        <message>
            <source>Why the workflows cannot be used</source>
            <translation>工作流无法使用的原因</translation>
        </message>
    </context>
    <context>
        <name>ProfileForm</name>
        <message>
            <source>Profile name</source>
            <translation>配置文件名称</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>名称(&amp;N)：</translation>
        </message>
        <message>
            <source>API address</source>
            <translation>API 地址</translation>
        </message>
        <message>
            <source>API &amp;address:</source>
            <translation>API 地址(&amp;A)：</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
    </context>
    <context>
        <name>ProfileList</name>
        <message>
            <source>Profiles</source>
            <translation>配置文件</translation>
        </message>
        <message>
            <source>The active profile</source>
            <translation>当前配置文件</translation>
        </message>
    </context>
    <context>
        <name>ProfilesDialog</name>
        <message>
            <source>Profiles</source>
            <translation>配置文件</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>添加(&amp;A)…</translation>
        </message>
        <message>
            <source>Add a profile</source>
            <translation>添加配置文件</translation>
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation>重命名(&amp;R)…</translation>
        </message>
        <message>
            <source>Rename the selected profile</source>
            <translation>重命名所选配置文件</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>删除(&amp;D)…</translation>
        </message>
        <message>
            <source>Delete the selected profile and its key</source>
            <translation>删除所选配置文件及其密钥</translation>
        </message>
        <message>
            <source>Profile name</source>
            <translation>配置文件名称</translation>
        </message>
        <message>
            <source>Active profile</source>
            <translation>当前配置文件</translation>
        </message>
        <message>
            <source>&amp;Make active</source>
            <translation>设为当前(&amp;M)</translation>
        </message>
        <message>
            <source>Make this the active profile</source>
            <translation>将此配置文件设为当前配置文件</translation>
        </message>
        <message>
            <source>API address</source>
            <translation>API 地址</translation>
        </message>
        <message>
            <source>Change…</source>
            <translation>更改…</translation>
        </message>
        <message>
            <source>Change the API address</source>
            <translation>更改 API 地址</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>API key</source>
            <translation>API 密钥</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>The sandbox started by the app on this computer</source>
            <translation>应用在这台电脑上启动的沙盒</translation>
        </message>
        <message>
            <source>Added “{name}”. Set its API key next.</source>
            <extracomment>What the dialog says after each change, by change (translated where said).</extracomment>
            <translation>已添加“{name}”。接下来请设置其 API 密钥。</translation>
        </message>
        <message>
            <source>Renamed “{name}” to “{new_name}”.</source>
            <translation>已将“{name}”重命名为“{new_name}”。</translation>
        </message>
        <message>
            <source>Select a profile first.</source>
            <translation>请先选择一个配置文件。</translation>
        </message>
        <message>
            <source>“{name}” now uses {base_url}.</source>
            <translation>“{name}”现在使用 {base_url}。</translation>
        </message>
        <message>
            <source>“{name}” is now the active profile.</source>
            <translation>“{name}”现在是当前配置文件。</translation>
        </message>
        <message>
            <source>“{name}” was not deleted, because its key could not be removed from the keyring. {user_message}</source>
            <translation>未删除“{name}”，因为无法从钥匙串中移除其密钥。{user_message}</translation>
        </message>
        <message>
            <source>Deleted “{name}” and removed its key.</source>
            <translation>已删除“{name}”并移除其密钥。</translation>
        </message>
        <message>
            <source>Delete the profile “{name}”? Its API key is removed from your keyring. Runs already in your history are kept.</source>
            <translation>删除配置文件“{name}”？其 API 密钥将从你的钥匙串中移除。历史记录中已有的运行会保留。</translation>
        </message>
        <message>
            <source>Delete profile</source>
            <translation>删除配置文件</translation>
        </message>
    </context>
    <context>
        <name>ProfilesPresenter</name>
        <message>
            <source>There is no profile named “{profile}”.</source>
            <translation>没有名为“{profile}”的配置文件。</translation>
        </message>
        <message>
            <source>The local sandbox did not start; see Help ▸ Open Log Folder.</source>
            <translation>本地沙盒未启动；请查看“帮助 ▸ 打开日志文件夹”。</translation>
        </message>
        <message>
            <source>“{name}” has no API key yet. Add the key from your Fizzly account settings to see its workflows and run them.</source>
            <translation>“{name}”还没有 API 密钥。请从你的 Fizzly 账户设置中添加密钥，以查看并运行其工作流。</translation>
        </message>
        <message>
            <source>Add API Key…</source>
            <translation>添加 API 密钥…</translation>
        </message>
        <message>
            <source>key {fingerprint}</source>
            <translation>密钥 {fingerprint}</translation>
        </message>
        <message>
            <source>Can't reach the server. {message}</source>
            <translation>无法连接到服务器。{message}</translation>
        </message>
        <message>
            <source>Try again</source>
            <translation>重试</translation>
        </message>
        <message>
            <source>Key rejected: open Profiles to replace it.
{message}</source>
            <translation>密钥被拒绝：请打开“配置文件”进行替换。
{message}</translation>
        </message>
        <message>
            <source>Open Profiles…</source>
            <translation>打开配置文件…</translation>
        </message>
    </context>
    <context>
        <name>Prompts</name>
        <message>
            <source>Rename workflow</source>
            <translation>重命名工作流</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <source>Import a schema</source>
            <translation>导入架构</translation>
        </message>
        <message>
            <source>JSON files (*.json);;All files (*)</source>
            <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Use an example of inputs</source>
            <translation>使用输入示例</translation>
        </message>
        <message>
            <source>Paste an example of the inputs as JSON; the fields are inferred from it:</source>
            <translation>以 JSON 粘贴输入示例；字段将据此推断：</translation>
        </message>
        <message>
            <source>Remove workflow</source>
            <translation>移除工作流</translation>
        </message>
        <message>
            <source>Remove “{display_name}” ({ref}) and its presets from your library? Past runs stay in the history.</source>
            <translation>从你的库中移除“{display_name}”（{ref}）及其预设？以往的运行会保留在历史记录中。</translation>
        </message>
        <message>
            <source>Add profile</source>
            <translation>添加配置文件</translation>
        </message>
        <message>
            <source>Rename profile</source>
            <translation>重命名配置文件</translation>
        </message>
        <message>
            <source>Change API address</source>
            <translation>更改 API 地址</translation>
        </message>
    </context>
    <context>
        <name>QueuePresenter</name>
        <message>
            <source>Remove from history</source>
            <translation>从历史记录中移除</translation>
        </message>
        <message numerus="yes">
            <source>Remove %n finished run(s) from the history? Their saved images stay on disk.</source>
            <translation>
                <numerusform>从历史记录中移除 %n 个已完成的运行？已保存的图像会保留在磁盘上。</numerusform>
            </translation>
        </message>
        <message>
            <source>Only runs still waiting in a batch can be moved, within the waiting ones.</source>
            <translation>只有仍在批次中等待的运行可以移动，且只能在等待的运行之间移动。</translation>
        </message>
    </context>
    <context>
        <name>QueueView</name>
        <message>
            <source>All runs</source>
            <extracomment>The choices of the marks filter beside the search: (words, filter value).</extracomment>
            <translation>所有运行</translation>
        </message>
        <message>
            <source>Starred</source>
            <translation>已加星标</translation>
        </message>
        <message>
            <source>Not rejected</source>
            <translation>未弃用</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>已弃用</translation>
        </message>
        <message>
            <source>Search prompts, inputs, workflow, state, request ID, error</source>
            <translation>搜索提示词、输入、工作流、状态、请求 ID、错误</translation>
        </message>
        <message>
            <source>Search runs</source>
            <translation>搜索运行</translation>
        </message>
        <message>
            <source>Show runs by mark</source>
            <translation>按标记显示运行</translation>
        </message>
        <message>
            <source>Show runs made</source>
            <translation>按生成时间显示运行</translation>
        </message>
        <message>
            <source>Runs</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Columns of the run table</source>
            <translation>运行表的列</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>重试(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Use These Inputs</source>
            <translation>使用这些输入(&amp;U)</translation>
        </message>
        <message>
            <source>Copy Request &amp;ID</source>
            <translation>复制请求 ID(&amp;I)</translation>
        </message>
        <message>
            <source>Open Output &amp;Folder</source>
            <translation>打开输出文件夹(&amp;F)</translation>
        </message>
        <message>
            <source>Remove from &amp;History</source>
            <translation>从历史记录中移除(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Export Images…</source>
            <translation>导出图像(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Star</source>
            <translation>加星标(&amp;S)</translation>
        </message>
        <message>
            <source>Re&amp;ject</source>
            <translation>弃用(&amp;J)</translation>
        </message>
        <message>
            <source>C&amp;ompare…</source>
            <translation>比较(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Delete with Files…</source>
            <translation>连同文件删除(&amp;D)…</translation>
        </message>
        <message>
            <source>C&amp;lear History…</source>
            <translation>清除历史记录(&amp;L)…</translation>
        </message>
        <message>
            <source>&amp;Attach to a Run by Request ID…</source>
            <translation>按请求 ID 关联到运行(&amp;A)…</translation>
        </message>
        <message>
            <source>Move &amp;Earlier</source>
            <translation>提前(&amp;E)</translation>
        </message>
        <message>
            <source>Move &amp;Later</source>
            <translation>延后(&amp;L)</translation>
        </message>
        <message>
            <source>{shown} of {runs}</source>
            <translation>{runs}中的 {shown} 个</translation>
        </message>
    </context>
    <context>
        <name>QuitPresenter</name>
        <message>
            <source>Quit Fizzly Desktop?</source>
            <extracomment>The settings key of the "Don't ask again" check box.</extracomment>
            <translation>退出 Fizzly Desktop？</translation>
        </message>
        <message>
            <source>Quit while runs are not finished?</source>
            <translation>运行尚未完成，仍要退出？</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Keep open</source>
            <translation>保持打开</translation>
        </message>
        <message>
            <source>Don't ask again</source>
            <translation>不再询问</translation>
        </message>
    </context>
    <context>
        <name>Quitting</name>
        <message numerus="yes">
            <source>%n run(s) [is|are] waiting to be sent. [It is|They are] not sent until you reopen the app.</source>
            <extracomment>Runs the server has (or is being sent): they go on without the app.</extracomment>
            <translation>
                <numerusform>%n 个运行正在等待发送。在你重新打开应用之前不会发送。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n run(s) [is|are] still running on the server. [It keeps|They keep] running and the app picks [it|them] up when you reopen it</source>
            <translation>
                <numerusform>%n 个运行仍在服务器上运行。它们会继续运行，你重新打开应用时会接管它们</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting batch run(s) [is|are] not sent</source>
            <translation>
                <numerusform>%n 个等待中的批次运行不会发送</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n waiting run(s) [is|are] not sent</source>
            <translation>
                <numerusform>%n 个等待中的运行不会发送</numerusform>
            </translation>
        </message>
        <message>
            <source>{text}; {unsent} until then.</source>
            <translation>{text}；在那之前 {unsent}。</translation>
        </message>
    </context>
    <context>
        <name>ReorderButtons</name>
        <message>
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>下移</translation>
        </message>
    </context>
    <context>
        <name>RepeatTab</name>
        <message>
            <source>Number of runs</source>
            <translation>运行次数</translation>
        </message>
        <message>
            <source>Input that takes the seed</source>
            <translation>接收种子的输入</translation>
        </message>
        <message>
            <source>No seed: repeat the same inputs</source>
            <translation>无种子：重复相同的输入</translation>
        </message>
        <message>
            <source>Different ran&amp;dom seeds</source>
            <translation>不同的随机种子(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Count up from:</source>
            <translation>从此值递增(&amp;C)：</translation>
        </message>
        <message>
            <source>First seed</source>
            <translation>第一个种子</translation>
        </message>
        <message>
            <source>Number of r&amp;uns:</source>
            <translation>运行次数(&amp;U)：</translation>
        </message>
        <message>
            <source>&amp;Seed input:</source>
            <translation>种子输入(&amp;S)：</translation>
        </message>
        <message>
            <source>Seeds:</source>
            <translation>种子：</translation>
        </message>
        <message>
            <source>The runs, in the order they are sent</source>
            <translation>各运行，按发送顺序</translation>
        </message>
        <message>
            <source>Runs:</source>
            <translation>运行：</translation>
        </message>
        <message>
            <source>Every run sends the same inputs; use this for workflows whose results vary by themselves.</source>
            <translation>每次运行发送相同的输入；适用于结果本身会变化的工作流。</translation>
        </message>
        <message>
            <source>Repeat × {count}</source>
            <translation>重复 × {count}</translation>
        </message>
        <message>
            <source>The first seed must be a whole number between {low} and {high}.</source>
            <translation>第一个种子必须是 {low} 到 {high} 之间的整数。</translation>
        </message>
        <message>
            <source>Each run gets its own random {name} between {low} and {high}; the other inputs come from the form.</source>
            <translation>每次运行都会得到介于 {low} 和 {high} 之间的随机 {name}；其他输入来自表单。</translation>
        </message>
        <message>
            <source>{name}: {seeds}{last}, in order.</source>
            <translation>{name}：{seeds}{last}，依次使用。</translation>
        </message>
    </context>
    <context>
        <name>RunDetails</name>
        <message>
            <source>Pending</source>
            <translation>待处理</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>已失败</translation>
        </message>
        <message>
            <source>Top up your credits on fizzly.ai, then retry the run.</source>
            <extracomment>Node statuses shown in their state's colour (readable on the row, in either scheme). What the user can do about an error, by the words the API's messages use.</extracomment>
            <translation>请在 fizzly.ai 上充值积分，然后重试该运行。</translation>
        </message>
        <message>
            <source>API access needs a PRO or ULTIMATE plan; check your plan on fizzly.ai.</source>
            <translation>API 访问需要 PRO 或 ULTIMATE 套餐；请在 fizzly.ai 上查看你的套餐。</translation>
        </message>
        <message>
            <source>Open Profiles… and enter the key again (Settings on fizzly.ai lists your keys).</source>
            <translation>打开“配置文件…”并重新输入密钥（fizzly.ai 的设置页面列出了你的密钥）。</translation>
        </message>
        <message>
            <source>The app waits for the rate limit by itself; nothing to do.</source>
            <translation>应用会自动等待速率限制；无需任何操作。</translation>
        </message>
    </context>
    <context>
        <name>RunDetailsPanel</name>
        <message>
            <source>Run details</source>
            <extracomment>The "Made from" link: show the run (id) whose output this run's input came from.</extracomment>
            <translation>运行详情</translation>
        </message>
        <message>
            <source>Select a run to see its progress, outputs and inputs.</source>
            <translation>选择一个运行以查看其进度、输出和输入。</translation>
        </message>
        <message>
            <source>In queue</source>
            <translation>排队中</translation>
        </message>
        <message>
            <source>Copy request ID</source>
            <translation>复制请求 ID</translation>
        </message>
        <message>
            <source>Use these inputs</source>
            <translation>使用这些输入</translation>
        </message>
        <message>
            <source>A new run with the same inputs; this one stays in the list.</source>
            <translation>使用相同输入的新运行；此运行保留在列表中。</translation>
        </message>
        <message>
            <source>Ask the server once where this run is; it is followed again if the server answers.</source>
            <translation>向服务器询问一次此运行的位置；如果服务器回应，将继续跟踪。</translation>
        </message>
        <message>
            <source>Take this run out of the list; nothing more is asked about it.</source>
            <translation>将此运行从列表中移除；之后不再询问它。</translation>
        </message>
        <message>
            <source>Overall progress</source>
            <translation>总体进度</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>错误</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>等待中</translation>
        </message>
        <message>
            <source>Details of the run</source>
            <extracomment>Asked again on every tick of the clock: what holds a waiting run back changes without the run changing (sending paused, its batch paused, the key's budget spent).</extracomment>
            <translation>运行详情</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Logs</source>
            <translation>日志</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Outputs</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>not sent yet</source>
            <translation>尚未发送</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>&lt;a href="{escape}"&gt;{escape2}&lt;/a&gt;</source>
            <translation>&lt;a href="{escape}"&gt;{escape2}&lt;/a&gt;</translation>
        </message>
        <message>
            <source>{credits} used</source>
            <translation>已用 {credits}</translation>
        </message>
        <message>
            <source>{credits} refunded</source>
            <translation>已退还 {credits}</translation>
        </message>
        <message>
            <source>total time {duration}</source>
            <translation>总时间 {duration}</translation>
        </message>
        <message>
            <source>took {duration}</source>
            <translation>耗时 {duration}</translation>
        </message>
        <message>
            <source>running for {duration}</source>
            <translation>已运行 {duration}</translation>
        </message>
        <message>
            <source>retry of an earlier run</source>
            <translation>重试之前的运行</translation>
        </message>
        <message>
            <source>  (until {completed})</source>
            <translation>  （至 {completed}）</translation>
        </message>
        <message>
            <source>No logs yet. They are fetched once the run ends.</source>
            <translation>尚无日志。运行结束后会获取日志。</translation>
        </message>
    </context>
    <context>
        <name>RunFilter</name>
        <message>
            <source>Starred, </source>
            <extracomment>Roles whose workflow cell carries the run's mark: shown as a sign, said as a word.</extracomment>
            <translation>已加星标，</translation>
        </message>
        <message>
            <source>Rejected, </source>
            <translation>已弃用，</translation>
        </message>
    </context>
    <context>
        <name>RunModel</name>
        <message>
            <source>{used} charged, {plural_credits} refunded</source>
            <extracomment>The input names a prompt goes by, in the order they are looked for.</extracomment>
            <translation>已扣除 {used}，已退还 {plural_credits}</translation>
        </message>
        <message>
            <source>{used} charged</source>
            <translation>已扣除 {used}</translation>
        </message>
        <message>
            <source>{used} (refunded {credits})</source>
            <translation>{used}（已退还 {credits}）</translation>
        </message>
    </context>
    <context>
        <name>RunState</name>
        <message>
            <source>Draft</source>
            <extracomment>The one word for each state, everywhere the user sees a state (the architecture guide's table). Longer phrases built from these (position, node, reason) are in core/words.py.</extracomment>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Waiting to send</source>
            <translation>等待发送</translation>
        </message>
        <message>
            <source>Sending</source>
            <translation>正在发送</translation>
        </message>
        <message>
            <source>Sent, no answer</source>
            <translation>已发送，无应答</translation>
        </message>
        <message>
            <source>Refused</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <source>In queue</source>
            <translation>排队中</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>运行中</translation>
        </message>
        <message>
            <source>Cancelling</source>
            <translation>正在取消</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>已失败</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
    </context>
    <context>
        <name>SchemaForm</name>
        <message>
            <source>Inputs as a form or as JSON</source>
            <translation>以表单或 JSON 显示的输入</translation>
        </message>
        <message>
            <source>Form</source>
            <translation>表单</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message numerus="yes">
            <source>Kept %n input(s) this form has no field for: {names}. They are sent as they are.</source>
            <translation>
                <numerusform>保留了 %n 个此表单中没有对应字段的输入：{names}。它们将原样发送。</numerusform>
            </translation>
        </message>
        <message>
            <source>{title}: the value {shown} cannot be shown in the form; it is kept.</source>
            <translation>{title}：值 {shown} 无法在表单中显示；将予以保留。</translation>
        </message>
    </context>
    <context>
        <name>SearchPresenter</name>
        <message>
            <source>Starred {runs}.</source>
            <translation>已为 {runs}加星标。</translation>
        </message>
        <message>
            <source>Rejected {runs}: they stay until you delete them.</source>
            <translation>已弃用 {runs}：在你删除前会一直保留。</translation>
        </message>
        <message>
            <source>Star taken off {runs}.</source>
            <translation>已取消 {runs}的星标。</translation>
        </message>
        <message>
            <source>Reject taken off {runs}.</source>
            <translation>已撤销对 {runs}的弃用。</translation>
        </message>
        <message>
            <source>Star taken off {outputs}.</source>
            <translation>已取消 {outputs}的星标。</translation>
        </message>
        <message>
            <source>Reject taken off {outputs}.</source>
            <translation>已撤销对 {outputs}的弃用。</translation>
        </message>
        <message>
            <source>Starred {outputs}.</source>
            <translation>已为 {outputs}加星标。</translation>
        </message>
        <message>
            <source>Rejected {outputs}: dimmed, kept until you delete their runs.</source>
            <translation>已弃用 {outputs}：变暗显示，保留至你删除其运行。</translation>
        </message>
    </context>
    <context>
        <name>SeedField</name>
        <message>
            <source>Random each run</source>
            <translation>每次运行随机</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Pick a new seed now</source>
            <translation>立即选择新种子</translation>
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
            <translation>已复制 {text}</translation>
        </message>
    </context>
    <context>
        <name>StateFilterList</name>
        <message>
            <source>Run filters</source>
            <translation>运行筛选</translation>
        </message>
    </context>
    <context>
        <name>StateGroup</name>
        <message>
            <source>All runs</source>
            <extracomment>When the server said ``queue_position`` (not kept in history: after a restart, a position of unknown age is shown as unknown). Whether the server still answers about this run (see :class:`Contact`). When contact was lost: the run's elapsed time stops there, as nothing is known since. Waiting in a paused batch: it will not be sent until the batch is resumed (not stored: the engine sets it from the batch's state whenever that changes or is loaded).</extracomment>
            <translation>所有运行</translation>
        </message>
        <message>
            <source>Not sent yet</source>
            <translation>尚未发送</translation>
        </message>
        <message>
            <source>On the server</source>
            <translation>在服务器上</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Failed</source>
            <translation>已失败</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Needs attention</source>
            <translation>需要注意</translation>
        </message>
    </context>
    <context>
        <name>StatusPresenter</name>
        <message>
            <source>Batch “{name}” finished</source>
            <extracomment>How often, while runs are active, the garbage collector walks the objects made since. Counts come from the engine's tally; the title and sidebar need them four times a second.</extracomment>
            <translation>批次“{name}”已完成</translation>
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
            <translation>批次进度</translation>
        </message>
        <message>
            <source>Runs by swept value</source>
            <translation>按扫描值排列的运行</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <extracomment>Actions others add to the menu, last (grid_play.py: Play This Row Together…).</extracomment>
            <translation>打开(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>取消(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>重试(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Use These Inputs</source>
            <translation>使用这些输入(&amp;U)</translation>
        </message>
        <message>
            <source>Copy Request &amp;ID</source>
            <translation>复制请求 ID(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Save as…</source>
            <translation>另存为(&amp;S)…</translation>
        </message>
        <message>
            <source>Copy &amp;image</source>
            <translation>复制图像(&amp;I)</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>导出(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Star</source>
            <translation>加星标(&amp;S)</translation>
        </message>
        <message>
            <source>Re&amp;ject</source>
            <translation>弃用(&amp;J)</translation>
        </message>
        <message>
            <source>C&amp;ompare…</source>
            <translation>比较(&amp;O)…</translation>
        </message>
        <message>
            <source>&amp;Delete with Files…</source>
            <translation>连同文件删除(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Export {exportable} images…</source>
            <translation>导出 {exportable} 张图像(&amp;E)…</translation>
        </message>
        <message>
            <source>No runs</source>
            <translation>无运行</translation>
        </message>
    </context>
    <context>
        <name>SweepGridModel</name>
        <message>
            <source> (seed {seed})</source>
            <translation> （种子 {seed}）</translation>
        </message>
    </context>
    <context>
        <name>SweepTab</name>
        <message>
            <source>Columns</source>
            <translation>列</translation>
        </message>
        <message>
            <source>In&amp;put:</source>
            <translation>输入(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Values:</source>
            <translation>值(&amp;V)：</translation>
        </message>
        <message>
            <source>Rows (optional)</source>
            <translation>行（可选）</translation>
        </message>
        <message>
            <source>Inpu&amp;t:</source>
            <translation>输入(&amp;T)：</translation>
        </message>
        <message>
            <source>V&amp;alues:</source>
            <translation>值(&amp;A)：</translation>
        </message>
        <message>
            <source>Runs in the sweep</source>
            <translation>扫描中的运行</translation>
        </message>
        <message>
            <source>The grid the sweep makes, in the order runs are sent</source>
            <translation>扫描生成的网格，按运行发送顺序</translation>
        </message>
        <message>
            <source>Try every combination of the values of one or two inputs; the results are shown as a grid. Type values separated by commas (1, 2, 5), a range with a step (1..10 step 2) or a range with a count (0.5..1.5 x5); text values go one per line.</source>
            <translation>尝试一个或两个输入的所有值组合；结果以网格显示。输入用逗号分隔的值（1, 2, 5）、带步长的范围（1..10 step 2）或带数量的范围（0.5..1.5 x5）；文本值每行一个。</translation>
        </message>
        <message>
            <source>This workflow has no input that can be swept.</source>
            <translation>此工作流没有可扫描的输入。</translation>
        </message>
        <message>
            <source>Columns and rows both sweep {field}; choose a different input for rows.</source>
            <translation>列和行都在扫描 {field}；请为行选择其他输入。</translation>
        </message>
        <message>
            <source>Choose an input to sweep.</source>
            <translation>请选择要扫描的输入。</translation>
        </message>
        <message>
            <source>Enter the values for rows.</source>
            <translation>请输入行的值。</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s)</source>
            <translation>
                <numerusform>%n 个运行</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{columns} × {rows} = %n run(s)</source>
            <translation>
                <numerusform>{columns} × {rows} = %n 个运行</numerusform>
            </translation>
        </message>
        <message>
            <source>Every cell uses {join}, so cells differ only by the swept values.</source>
            <translation>每个单元格都使用 {join}，因此单元格之间只有扫描值不同。</translation>
        </message>
        <message>
            <source>Sweep </source>
            <translation>扫描 </translation>
        </message>
    </context>
    <context>
        <name>TextOutputBlock</name>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy this text to the clipboard</source>
            <translation>将此文本复制到剪贴板</translation>
        </message>
        <message>
            <source>Output {name}</source>
            <translation>输出 {name}</translation>
        </message>
        <message>
            <source>JSON</source>
            <translation>JSON</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>文本</translation>
        </message>
        <message>
            <source>Copy {name}</source>
            <translation>复制 {name}</translation>
        </message>
        <message>
            <source>{name} text</source>
            <translation>{name} 文本</translation>
        </message>
    </context>
    <context>
        <name>ThumbnailLoader</name>
        <message>
            <source>The image could not be opened.</source>
            <extracomment>When each cached thumbnail was last asked for.</extracomment>
            <translation>无法打开该图像。</translation>
        </message>
    </context>
    <context>
        <name>Thumbnails</name>
        <message>
            <source>This file is not a picture the app can read (PNG, JPEG or WebP).</source>
            <extracomment>Decodes needing more memory than this are refused: a small file can claim a huge picture. Formats an output can come in; all three are read by Qt's bundled image plugins.</extracomment>
            <translation>此文件不是应用可读取的图片（PNG、JPEG 或 WebP）。</translation>
        </message>
        <message>
            <source>The file is missing: it may have been moved or deleted.</source>
            <translation>文件丢失：可能已被移动或删除。</translation>
        </message>
        <message>
            <source>The file could not be read; check that it is still there and readable.</source>
            <translation>无法读取该文件；请检查它是否仍然存在且可读。</translation>
        </message>
        <message>
            <source>The image is too large to open safely ({width} × {height} pixels).</source>
            <translation>图像过大，无法安全打开（{width} × {height} 像素）。</translation>
        </message>
        <message>
            <source>The image file is damaged or incomplete.</source>
            <translation>图像文件已损坏或不完整。</translation>
        </message>
        <message>
            <source>The image could not be opened.</source>
            <translation>无法打开该图像。</translation>
        </message>
    </context>
    <context>
        <name>UndoBar</name>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Undo delete</source>
            <translation>撤销删除</translation>
        </message>
    </context>
    <context>
        <name>Unions</name>
        <message>
            <source>Custom…</source>
            <translation>自定义…</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>文本</translation>
        </message>
        <message>
            <source>A number</source>
            <translation>数字</translation>
        </message>
        <message>
            <source>Yes or no</source>
            <translation>是或否</translation>
        </message>
        <message>
            <source>Several texts</source>
            <translation>多个文本</translation>
        </message>
        <message>
            <source>Several numbers</source>
            <translation>多个数字</translation>
        </message>
        <message>
            <source>Several entries</source>
            <translation>多个条目</translation>
        </message>
        <message>
            <source>Several files</source>
            <translation>多个文件</translation>
        </message>
        <message>
            <source>One file</source>
            <translation>单个文件</translation>
        </message>
        <message>
            <source>Several parts</source>
            <translation>多个部分</translation>
        </message>
    </context>
    <context>
        <name>WelcomeView</name>
        <message>
            <source>Welcome</source>
            <translation>欢迎</translation>
        </message>
        <message>
            <source>{app} logo</source>
            <translation>{app} 徽标</translation>
        </message>
        <message>
            <source>Welcome to {APP_NAME}</source>
            <translation>欢迎使用 {APP_NAME}</translation>
        </message>
        <message>
            <source>Launch your Fizzly workflows, watch every run live, and keep the images they make.</source>
            <translation>启动你的 Fizzly 工作流，实时查看每个运行，并保存生成的图像。</translation>
        </message>
        <message>
            <source>Connect your Fizzly account</source>
            <translation>连接你的 Fizzly 账户</translation>
        </message>
        <message>
            <source>Paste an API key from your account settings. It is kept in your system's keyring, never in a file.</source>
            <translation>粘贴账户设置中的 API 密钥。它保存在系统钥匙串中，绝不会写入文件。</translation>
        </message>
        <message>
            <source>Where do I find my key?</source>
            <translation>在哪里找到我的密钥？</translation>
        </message>
        <message>
            <source>Open your account settings to create an API key</source>
            <translation>打开账户设置以创建 API 密钥</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>处理中</translation>
        </message>
        <message>
            <source>Connection status</source>
            <translation>连接状态</translation>
        </message>
        <message>
            <source>Keep for this session only</source>
            <translation>仅在本次会话中保留</translation>
        </message>
        <message>
            <source>Keep the key in memory until the app quits, without saving it</source>
            <translation>在应用退出前将密钥保留在内存中，不保存</translation>
        </message>
        <message>
            <source>Try the local sandbox</source>
            <translation>试用本地沙盒</translation>
        </message>
        <message>
            <source>Run demo workflows on this computer: no account, no internet and no credits needed. You can connect your account any time later.</source>
            <translation>在这台电脑上运行演示工作流：无需账户、网络或积分。你可以随时再连接账户。</translation>
        </message>
        <message>
            <source>Try the sandbox</source>
            <translation>试用沙盒</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>No web browser could be opened. Visit {API_KEYS_URL} to create a key.</source>
            <translation>无法打开网页浏览器。请访问 {API_KEYS_URL} 创建密钥。</translation>
        </message>
        <message>
            <source>Paste your API key first.</source>
            <translation>请先粘贴你的 API 密钥。</translation>
        </message>
        <message>
            <source>Checking your key…</source>
            <translation>正在检查你的密钥…</translation>
        </message>
    </context>
    <context>
        <name>Words</name>
        <message>
            <source>position unknown</source>
            <extracomment>A run the app can no longer reach the server of (shown in "Needs attention"); English here, translated where shown (``Contact.LOST.label``). A run the server answers 404 for: it no longer knows it (shown in "Needs attention"). What a queued run says where its place is not known, or was heard too long ago.</extracomment>
            <translation>位置未知</translation>
        </message>
        <message numerus="yes">
            <source>%n run(s)</source>
            <extracomment>A queue position heard longer ago than this may have moved on: it is shown as stale. Plurals that do not just add an "s". The counted words the window uses, as phrases a translation gives every plural form of.</extracomment>
            <translation>
                <numerusform>%n 个运行</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n batch(es)</source>
            <translation>
                <numerusform>%n 个批次</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s)</source>
            <translation>
                <numerusform>%n 个文件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n output(s)</source>
            <translation>
                <numerusform>%n 个输出</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n 项</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n character(s)</source>
            <translation>
                <numerusform>%n 个字符</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n saved file(s)</source>
            <translation>
                <numerusform>%n 个已保存文件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n starred run(s)</source>
            <translation>
                <numerusform>%n 个加星标的运行</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n credit(s)</source>
            <translation>
                <numerusform>%n 积分</numerusform>
            </translation>
        </message>
        <message>
            <source>position {position}</source>
            <translation>第 {position} 位</translation>
        </message>
        <message>
            <source>The server has not said this run's place in its queue yet.</source>
            <translation>服务器尚未告知此运行在其队列中的位置。</translation>
        </message>
        <message>
            <source>some time ago</source>
            <translation>一段时间前</translation>
        </message>
        <message>
            <source>{duration} ago</source>
            <translation>{duration}前</translation>
        </message>
        <message>
            <source>The server said position {queue_position} {heard}. Positions are asked again while the run is on screen.</source>
            <translation>服务器在{heard}告知位置为第 {queue_position} 位。运行显示在屏幕上时会再次询问位置。</translation>
        </message>
        <message>
            <source>{percent} %</source>
            <translation>{percent}%</translation>
        </message>
        <message>
            <source>Cancelled (refunded {plural_credits})</source>
            <translation>已取消（已退还 {plural_credits}）</translation>
        </message>
        <message>
            <source>Cancelled (nothing charged)</source>
            <translation>已取消（未计费）</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>no reason given</source>
            <translation>未提供原因</translation>
        </message>
        <message>
            <source>{word} (check or run again)</source>
            <translation>{word}（请检查或再次运行）</translation>
        </message>
        <message>
            <source>Next in the server's queue.</source>
            <extracomment>The name of the run's batch when it is paused, with the pause's reason. Sending is paused for every run (File &gt; Pause sending). As many runs as allowed at once are already on the server. The key's request budget is spent: requests wait for it to refill.</extracomment>
            <translation>服务器队列中的下一个。</translation>
        </message>
        <message>
            <source>In the server's queue behind {plural}.</source>
            <translation>在服务器队列中，排在 {plural}之后。</translation>
        </message>
        <message>
            <source>In the server's queue (its place there is not known just now).</source>
            <translation>在服务器队列中（目前不知道其位置）。</translation>
        </message>
        <message>
            <source>Being sent; waiting for the key's request limit to allow it.</source>
            <translation>正在发送；等待密钥的请求限制允许。</translation>
        </message>
        <message>
            <source>Being sent to the server.</source>
            <translation>正在发送到服务器。</translation>
        </message>
        <message>
            <source>Its batch “{paused_batch}” is paused.{reason}</source>
            <translation>其批次“{paused_batch}”已暂停。{reason}</translation>
        </message>
        <message>
            <source>Sending is paused: resume sending to let it go.</source>
            <translation>发送已暂停：恢复发送后即可发出。</translation>
        </message>
        <message>
            <source>Waiting for the key's request limit to allow another send.</source>
            <translation>等待密钥的请求限制允许再次发送。</translation>
        </message>
        <message>
            <source>Waiting for a free slot: as many runs as allowed are already on the server.</source>
            <translation>等待空闲名额：服务器上的运行数量已达上限。</translation>
        </message>
        <message>
            <source>Next to be sent.</source>
            <translation>下一个发送。</translation>
        </message>
        <message>
            <source>Waiting {duration}</source>
            <translation>已等待 {duration}</translation>
        </message>
        <message>
            <source>{done} of {runs} done</source>
            <translation>{runs}中已完成 {done} 个</translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n 个失败</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n cancelled</source>
            <translation>
                <numerusform>%n 个已取消</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n [needs|need] attention</source>
            <translation>
                <numerusform>%n 个需要注意</numerusform>
            </translation>
        </message>
        <message>
            <source>, </source>
            <translation>，</translation>
        </message>
    </context>
    <context>
        <name>WorkflowLibraryPanel</name>
        <message>
            <source>No workflows yet. Add one with its name on Fizzly (like studio/portrait-xl), or from a file of its inputs.</source>
            <translation>尚无工作流。请用其在 Fizzly 上的名称（如 studio/portrait-xl）添加，或从其输入文件添加。</translation>
        </message>
        <message>
            <source>Workflows</source>
            <translation>工作流</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <source>Add a workflow by name or address</source>
            <translation>按名称或地址添加工作流</translation>
        </message>
        <message>
            <source>Edit inputs…</source>
            <translation>编辑输入…</translation>
        </message>
        <message>
            <source>More</source>
            <translation>更多</translation>
        </message>
        <message>
            <source>No workflows yet</source>
            <translation>尚无工作流</translation>
        </message>
        <message>
            <source>Add Workflow…</source>
            <translation>添加工作流…</translation>
        </message>
        <message>
            <source>{owner}/{slug} is not in your library.</source>
            <translation>{owner}/{slug} 不在你的库中。</translation>
        </message>
        <message>
            <source>No workflow library is open.</source>
            <translation>没有打开的工作流库。</translation>
        </message>
        <message>
            <source>The app is closing; nothing was changed.</source>
            <translation>应用正在关闭；未做任何更改。</translation>
        </message>
    </context>
    <context>
        <name>_DecodeQueue</name>
        <message>
            <source>The image could not be opened.</source>
            <extracomment>How much lower than the GUI thread decoders run (Linux nice steps): on a busy machine the GUI thread gets the core first, and thumbnails arrive a little later instead.</extracomment>
            <translation>无法打开该图像。</translation>
        </message>
    </context>
    <context>
        <name>_FilterTallies</name>
        <message>
            <source>Unnamed batch</source>
            <translation>未命名批次</translation>
        </message>
    </context>
    <context>
        <name>_ImageCanvas</name>
        <message>
            <source>Image</source>
            <translation>图像</translation>
        </message>
    </context>
    <context>
        <name>_Job</name>
        <message>
            <source>The file could not be read: {exc}.</source>
            <translation>无法读取该文件：{exc}。</translation>
        </message>
    </context>
</TS>
