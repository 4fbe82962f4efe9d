/// The `title` of a problem: its HTTP status in words, in the reader's language.
public enum StatusTitle {
    /// The title of `status` in `language`; the general words of its class for a status not listed.
    public static func text(_ status: Int, _ language: Language) -> String {
        let (zh, en) = titles[status] ?? (status >= 500 ? ("服务器错误", "Server Error") : ("请求有误", "Bad Request"))
        return language == .en ? en : zh
    }

    static let titles: [Int: (String, String)] = [
        400: ("请求有误", "Bad Request"), 401: ("需要登录", "Unauthorized"), 403: ("没有权限", "Forbidden"),
        404: ("未找到", "Not Found"), 405: ("不允许的操作", "Method Not Allowed"), 408: ("请求超时", "Request Timeout"),
        409: ("状态冲突", "Conflict"), 412: ("记录已被修改", "Precondition Failed"), 413: ("内容过大", "Content Too Large"),
        415: ("文件类型不支持", "Unsupported Media Type"), 422: ("填写有误", "Unprocessable Content"),
        428: ("需要版本号", "Precondition Required"), 429: ("请求过于频繁", "Too Many Requests"),
        500: ("服务器错误", "Internal Server Error"), 503: ("服务暂不可用", "Service Unavailable"),
    ]
}
