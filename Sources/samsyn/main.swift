import Foundation
import SamsynApp

exit(await SamsynMain.run())
