import Campaign
import Testing

@Suite struct MediaTypeEssenceTests {
    @Test func theEssenceIsTheTypeBeforeItsParametersInAnyCase() {
        for header in ["image/png", "IMAGE/PNG", "Image/Png; q=1", " \timage/png \t;charset=x", "image/png;"] {
            #expect(MediaTypeEssence(header).is("image/png"), "\(header)")
        }
        for header in ["image/pngx", "image/pn", "ximage/png", "image /png", "", ";image/png", "image/png\n", "ımage/png"] {
            #expect(!MediaTypeEssence(header).is("image/png"), "\(header)")
        }
    }

    @Test func attachmentTypesAreReadFromTheDeclaredContentType() {
        #expect(AttachmentType(mediaType: "application/PDF; name=\"计划.pdf\"") == .pdf)
        #expect(AttachmentType(mediaType: " image/jpeg") == .jpeg)
        #expect(AttachmentType(mediaType: "image/webp") == .webp)
        #expect(AttachmentType(mediaType: "application/json") == nil)
        #expect(AttachmentType(mediaType: "image/jpg") == nil)
        #expect(AttachmentType(mediaType: "") == nil)
    }
}
